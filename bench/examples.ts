// The bundled example cases as the benches read them: the JSON text of each file, in file-name order.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { knowledgePaths } from '../src/knowledge/paths.js';

/** The text of every examples/*.json, sorted by name (the folder sits beside the knowledge, wherever the bench runs from). */
export function exampleTexts(): string[] {
  const dir = join(dirname(knowledgePaths().knowledgeDir), 'examples');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

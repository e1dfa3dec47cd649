// Where the bundled knowledge and vocabulary live, found from this module's own location (works from src/ and dist/).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Locate the package root (the folder holding `knowledge/`) by walking up from this file. */
export function knowledgePaths(): { knowledgeDir: string; vocabDir: string } {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'knowledge', 'VERSION'))) break;
    dir = dirname(dir);
  }
  return { knowledgeDir: join(dir, 'knowledge'), vocabDir: join(dir, 'vocab', 'hpo') };
}

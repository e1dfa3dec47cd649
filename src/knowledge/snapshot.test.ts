import {
  appendFileSync,
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCase } from '../case/parse.js';
import { assess } from '../engine/assess.js';
import { renderText } from '../render/text.js';
import { loadBundledIndex } from './bundled.js';
import { buildKnowledgeIndex, type KnowledgeIndex } from './index.js';
import { loadKnowledge } from './load.js';
import { knowledgePaths } from './paths.js';
import { readSnapshot, SNAPSHOT_FILE, writeSnapshot } from './snapshot.js';

const { knowledgeDir, vocabDir } = knowledgePaths();
const tmp = mkdtempSync(join(tmpdir(), 'paraneo-snapshot-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const path = join(tmp, SNAPSHOT_FILE);
const written = writeSnapshot(path, knowledgeDir, vocabDir);
const fromYaml = loadKnowledge(knowledgeDir, vocabDir).kb;
const examples = fileURLToPath(new URL('../../examples', import.meta.url));

function answers(index: KnowledgeIndex, file: string): string {
  const parsed = parseCase(JSON.parse(readFileSync(join(examples, file), 'utf8')), index);
  if (!parsed.success) return JSON.stringify(parsed.issues);
  const assessment = assess(parsed.data, index);
  return `${JSON.stringify(assessment)}\n${renderText(assessment)}`;
}

describe('knowledge snapshot', () => {
  it('is written from the bundled knowledge and read back as the same knowledge, field for field', () => {
    expect(written.written).toBe(true);
    const read = readSnapshot(path, knowledgeDir, vocabDir);
    expect(read.kb).toBeDefined();
    // toStrictEqual also compares fields present as undefined and the entries of the HPO maps.
    expect(read.kb).toStrictEqual(fromYaml);
    for (const [family, list] of Object.entries(read.kb ?? {}))
      if (Array.isArray(list) && list.length > 0)
        expect(Object.keys(list[0]), family).toEqual(
          Object.keys((fromYaml as unknown as Record<string, object[]>)[family]?.[0] ?? {}),
        );
  });

  it('gives byte-identical assessments and text to the YAML on every bundled example', () => {
    const loaded = loadBundledIndex({ snapshot: path });
    expect(loaded.source).toBe('snapshot');
    const yaml = buildKnowledgeIndex(fromYaml as NonNullable<typeof fromYaml>);
    const files = readdirSync(examples).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(50);
    for (const file of files)
      expect(answers(loaded.index as KnowledgeIndex, file), file).toBe(answers(yaml, file));
  });

  it('is refused when a knowledge file changed after it was written, and the YAML is loaded instead', () => {
    const copy = join(tmp, 'knowledge');
    cpSync(knowledgeDir, copy, { recursive: true });
    appendFileSync(join(copy, 'model.yaml'), '\n# edited after the snapshot\n');
    const read = readSnapshot(path, copy, vocabDir);
    expect(read.kb).toBeUndefined();
    expect(read.kb === undefined && read.refused).toMatch(
      /does not match the knowledge and vocabulary files/,
    );
    const fresh = readSnapshot(path, knowledgeDir, vocabDir);
    expect(fresh.kb).toBeDefined();
  });

  it('is refused when a vocabulary file differs', () => {
    const vocab = join(tmp, 'vocab');
    cpSync(vocabDir, vocab, { recursive: true });
    appendFileSync(join(vocab, 'obsolete.tsv'), 'HP:9999999\t\t\n');
    const read = readSnapshot(path, knowledgeDir, vocab);
    expect(read.kb === undefined && read.refused).toMatch(/does not match/);
  });

  it('is refused when written by other loader code, of another format, unreadable or absent', () => {
    const text = readFileSync(path, 'utf8');
    const other = join(tmp, 'other.json');
    writeFileSync(other, text.replace(/"codeHash":"[0-9a-f]+"/, `"codeHash":"${'0'.repeat(64)}"`));
    expect(readSnapshot(other, knowledgeDir, vocabDir)).toMatchObject({ refused: /other loader code/ });
    writeFileSync(other, text.replace(/^\{"format":1,/, '{"format":0,'));
    expect(readSnapshot(other, knowledgeDir, vocabDir)).toMatchObject({ refused: /format 0, not 1/ });
    writeFileSync(other, text.slice(0, 1000));
    expect(readSnapshot(other, knowledgeDir, vocabDir)).toMatchObject({ refused: /unreadable/ });
    expect(readSnapshot(join(tmp, 'absent.json'), knowledgeDir, vocabDir)).toMatchObject({
      refused: /no snapshot/,
    });
  });

  it('makes the bundled loader fall back to the YAML, saying why, when the snapshot is stale', () => {
    const stale = join(tmp, 'stale.json');
    const text = readFileSync(path, 'utf8');
    writeFileSync(stale, text.replace(/"sourcesHash":"[0-9a-f]+"/, `"sourcesHash":"${'f'.repeat(64)}"`));
    const loaded = loadBundledIndex({ snapshot: stale });
    expect(loaded.source).toBe('yaml');
    expect(loaded.snapshotRefused).toMatch(/does not match/);
    expect(loaded.index?.kb).toStrictEqual(fromYaml);
  });

  it('is not written for a knowledge base with problems, and an older one is removed', () => {
    const target = join(tmp, 'broken.json');
    writeFileSync(target, readFileSync(path));
    const broken = fileURLToPath(new URL('./__fixtures__/broken', import.meta.url));
    const result = writeSnapshot(target, broken, vocabDir);
    expect(result.written).toBe(false);
    expect(result.written === false && result.issues.length).toBeGreaterThan(0);
    expect(readSnapshot(target, broken, vocabDir)).toMatchObject({ refused: /no snapshot/ });
  });
});

// The engine keeps knowledge-only tables (built on first use) and shares their frozen parts between assessments: no
// case may change what another case gets, and no consumer may change a shared part.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCase } from '../case/parse.js';
import type { Case } from '../case/schema.js';
import { buildKnowledgeIndex, knowledgePaths } from '../knowledge/index.js';
import { loadKnowledge } from '../knowledge/load.js';
import { assess } from './assess.js';

function freshIndex() {
  const { knowledgeDir, vocabDir } = knowledgePaths();
  const { kb } = loadKnowledge(knowledgeDir, vocabDir);
  if (kb === undefined) throw new Error('knowledge base does not load');
  return buildKnowledgeIndex(kb);
}

const dir = new URL('../../examples/', import.meta.url);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();

function cases(index: ReturnType<typeof freshIndex>): Case[] {
  return files.map((f) => {
    const r = parseCase(JSON.parse(readFileSync(new URL(f, dir), 'utf8')), index);
    if (!r.success) throw new Error(`${f}: ${JSON.stringify(r.issues)}`);
    return r.data;
  });
}

describe('knowledge-derived tables shared between assessments', () => {
  it('give every example the same output whichever cases filled the tables first', () => {
    const forwardIndex = freshIndex();
    const backwardIndex = freshIndex();
    const all = cases(forwardIndex);
    const forward = all.map((c) => JSON.stringify(assess(c, forwardIndex)));
    const backward = [...all].reverse().map((c) => JSON.stringify(assess(c, backwardIndex)));
    expect([...backward].reverse()).toEqual(forward);
    // And once every table is warm, again the same.
    expect(all.map((c) => JSON.stringify(assess(c, forwardIndex)))).toEqual(forward);
  }, 180_000); // two fresh knowledge indexes and every example three times: about 25 s on a loaded machine here

  it('cannot be changed by a consumer of one assessment, so the next assessment is unaffected', () => {
    const index = freshIndex();
    const [first] = cases(index).filter((c) => c.labs.length > 0 && c.findings.length > 0);
    if (first === undefined) throw new Error('no example with labs and findings');
    const a = assess(first, index);
    const before = JSON.stringify(assess(first, index));
    const shared = [
      a.treatment.physiotherapy,
      a.treatment.physiotherapy[0]?.reasons,
      a.workup.find((w) => !w.held),
      a.workup[0]?.citations,
      a.syndromes[0]?.citations[0],
      a.labs[0]?.range,
    ].filter((x) => x !== undefined);
    expect(shared.length).toBeGreaterThan(3);
    for (const part of shared) expect(Object.isFrozen(part)).toBe(true);
    expect(() => (a.treatment.physiotherapy as unknown[]).pop()).toThrow(TypeError);
    expect(JSON.stringify(assess(first, index))).toBe(before);
  });
});

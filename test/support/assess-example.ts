// Assess a bundled published case (examples/), optionally changed, for tests of the faces that store assessments.
import { readFileSync } from 'node:fs';
import { parseCase } from '../../src/case/parse.js';
import type { CaseInput } from '../../src/case/schema.js';
import { assess } from '../../src/engine/assess.js';
import type { Assessment } from '../../src/engine/assessment.js';
import { realIndex } from '../knowledge.js';

export const testIndex = realIndex;

export function exampleInput(file: string): CaseInput {
  return JSON.parse(readFileSync(new URL(`../../examples/${file}`, import.meta.url), 'utf8')) as CaseInput;
}

/** Parse and assess a case input with the bundled knowledge; throws on an invalid case (a broken test). */
export function assessInput(input: CaseInput): Assessment {
  const index = realIndex();
  const parsed = parseCase(input, index);
  if (!parsed.success) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
  return assess(parsed.data, index);
}

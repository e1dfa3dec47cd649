// Test helper: parse native case JSON (asOf 2026-01-15 unless given) and assess it with the bundled knowledge.
import { parseCase } from '../src/case/parse.js';
import { assess } from '../src/engine/assess.js';
import type { Assessment } from '../src/engine/assessment.js';
import { realIndex } from './knowledge.js';

/** Assess a raw case; a case the parser refuses fails the test with its issues. */
export function assessRaw(raw: Record<string, unknown>): Assessment {
  const r = parseCase({ asOf: '2026-01-15', ...raw }, realIndex());
  if (!r.success) throw new Error(JSON.stringify(r.issues));
  return assess(r.data, realIndex());
}

// Build the tables the knowledge index derives on first use (phrase dictionary, ranking tables…) before the server
// listens, so the first requests do not pay for them: it took ~1 s here, the first request's latency.
import { parseCase } from '../case/parse.js';
import { assess } from '../engine/assess.js';
import type { KnowledgeIndex } from '../knowledge/index.js';

/** A case touching every reader: note text, a finding in words, coded and named labs, an antibody, a cancer in words. */
const WARM_UP_CASE = {
  asOf: '2026-01-15',
  patient: { age: 60, sex: 'female', smoking: 'former' },
  findings: [{ hpo: 'HP:0001250' }, { text: 'recent change in memory' }],
  notes: ['No fever. Unsteady gait for two weeks.'],
  labs: [
    { loinc: '2951-2', value: 128, unit: 'mmol/L' },
    { name: 'serum calcium', value: 9.4, unit: 'mg/dL' },
  ],
  antibodies: [{ name: 'anti-Hu', result: 'negative', specimen: 'serum' }],
  knownCancers: [{ text: 'breast carcinoma treated 2 years ago' }],
  screening: [{ test: 'CT chest', date: '2025-12-01', result: 'negative' }],
};

/** Parse and assess one case so every lazily derived table exists; throws if the bundled case no longer parses. */
export function warmUp(index: KnowledgeIndex): void {
  const parsed = parseCase(WARM_UP_CASE, index);
  if (!parsed.success) throw new Error(`warm-up case: ${JSON.stringify(parsed.issues)}`);
  assess(parsed.data, index);
}

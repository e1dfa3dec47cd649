// Warnings about antibody results: equivocal results, single-method positives and the catalogue's cited pitfalls.
import type { Case } from '../case/schema.js';
import type { KnowledgeIndex } from '../knowledge/index.js';
import type { Warning } from './assessment.js';

/** Warnings that apply to the case's antibody results. */
export function antibodyWarnings(c: Case, index: KnowledgeIndex): Warning[] {
  const out: Warning[] = [];
  for (const a of c.antibodies) {
    const antibody = index.antibodyById.get(a.antibodyId);
    if (antibody === undefined) continue;
    if (a.result === 'equivocal') {
      out.push({
        code: 'antibody-equivocal',
        message: `${antibody.name} equivocal (${a.field}): not counted; repeat or confirm by a second method.`,
      });
      continue;
    }
    if (a.result !== 'positive') continue;
    if (a.method === 'line-blot' && antibody.antigenLocation === 'intracellular')
      out.push({
        code: 'antibody-single-method',
        message: `${antibody.name} positive by line blot only (${a.field}): confirm with tissue-based immunofluorescence before relying on it.`,
      });
    for (const pitfall of antibody.pitfalls)
      out.push({
        code: 'antibody-pitfall',
        message: `${antibody.name}: ${pitfall.text} [${pitfall.evidence.map((e) => e.ref).join(', ')}]`,
      });
  }
  return out;
}

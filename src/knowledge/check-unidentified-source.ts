// A frequency resting only on sources whose title and authors were never seen must say so where the figure is given.
import type { KnowledgeIssue } from './issues.js';
import type { Knowledge } from './knowledge.js';
import type { Evidence, Reference } from './schema.js';

/** A reference known only from an excerpt: its title is a bracketed stand-in such as "[title not seen] …". */
export function isUnidentified(r: Pick<Reference, 'title'>): boolean {
  return /^\[[^\]]*not seen\]/i.test(r.title.trim());
}

/** The words a frequency note must contain when every source behind the figure is unidentified. */
export const UNIDENTIFIED_MARK = 'source title and authors not seen';

/**
 * Flag each syndrome or antibody frequency whose every citation is an unidentified reference and whose note does not
 * carry {@link UNIDENTIFIED_MARK}, so a reader never takes such a figure for one read in a known paper.
 *
 * @returns one `unidentified-source` issue per unmarked statement
 */
export function checkUnidentifiedSources(kb: Knowledge): KnowledgeIssue[] {
  const unidentified = new Set(kb.references.filter(isUnidentified).map((r) => r.id));
  const issues: KnowledgeIssue[] = [];
  const check = (
    file: string,
    path: string,
    s: { readonly evidence: readonly Evidence[]; readonly frequencyNote?: string | undefined },
  ) => {
    if (s.evidence.length === 0 || !s.evidence.every((e) => unidentified.has(e.ref))) return;
    if ((s.frequencyNote ?? '').toLowerCase().includes(UNIDENTIFIED_MARK)) return;
    issues.push({
      code: 'unidentified-source',
      file,
      path: `${path}.frequencyNote`,
      message: `every source of this frequency is known only from an excerpt (${s.evidence.map((e) => e.ref).join(', ')}): re-read it in a known paper, or add "${UNIDENTIFIED_MARK}" to the note`,
    });
  };
  for (const s of kb.syndromes) {
    const file = `syndromes/${s.id}.yaml`;
    for (const [i, x] of s.findings.entries()) check(file, `findings.${i}`, x);
    for (const [i, x] of s.antibodies.entries()) check(file, `antibodies.${i}`, x);
    for (const [i, x] of s.tumours.entries()) check(file, `tumours.${i}`, x);
  }
  for (const a of kb.antibodies)
    for (const [i, x] of a.tumours.entries()) check(`antibodies/${a.id}.yaml`, `tumours.${i}`, x);
  return issues;
}

// What was actually read of a reference: the full text, a part of the source itself (a table, a section, a label),
// only its abstract, or only someone else's account of it. Reports say so beside citations of the last two.
import type { Reference } from './schema.js';

export type ReadLevel = 'full-text' | 'part' | 'abstract' | 'secondary';

/**
 * The read level of a reference: its explicit `read`, else derived from the opening clause of `verified` (the words
 * before the first ": ", which say what was read; the rest reports content and is not searched).
 */
export function readLevel(r: Pick<Reference, 'read' | 'verified'>): ReadLevel {
  if (r.read !== undefined) return r.read;
  const clauses = r.verified.toLowerCase().split(': ');
  // "search excerpt read this session (pages corpus): abstract read ..." names the tool first, then what was read.
  const what =
    (/^search excerpt/.test(clauses[0] ?? '') ? `${clauses[0]} ${clauses[1] ?? ''}` : clauses[0]) ?? '';
  if (
    /full[- ]text|full article|read in full|text of the .* article read/.test(what) &&
    !/full[- ]text (?:was )?not|not the full|full tables not/.test(what)
  )
    return 'full-text';
  if (
    /as recorded in|secondary (?:summary|source)|quoted|as summari[sz]ed|news summary|guideline summary|recalled/.test(
      what,
    )
  )
    return 'secondary';
  // A publisher's or author's summary page of an article stands for its abstract.
  if (/\babstract|\bsummary(?! sections)|pubmed page/.test(what)) return 'abstract';
  return 'part';
}

/** The words a report adds beside a citation of which only the abstract or a secondary account was read. */
export function readNote(level: ReadLevel): 'abstract only' | 'secondary source' | undefined {
  return level === 'abstract' ? 'abstract only' : level === 'secondary' ? 'secondary source' : undefined;
}

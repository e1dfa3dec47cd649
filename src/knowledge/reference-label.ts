// The short label a reader sees beside a conclusion ("Graus 2021", "FDA label 2023"): the first author's surname or the
// issuing body. Built from an explicit `label`, or from `authors` only when its first entry reads as "Surname Initials".
import type { Reference } from './schema.js';

/** Lower-case particles that may start a surname ("van Beek AP", "de Haas ER"). */
const PARTICLES = '(?:(?:van|von|de|der|den|di|da|del|della|dos|du|la|le|el|al|ten|ter)\\s+)*';
/** One surname word: a capital, then letters, apostrophes or hyphens ("Abou-Zeid", "O'Brien", "Muñiz-Castrillo"). */
const SURNAME_WORD = "\\p{Lu}[\\p{L}'’-]*";
/** "Surname Initials": the initials are one to four capitals, optionally with dots or hyphens ("JG", "J-C", "A."). */
const PERSONAL_NAME = new RegExp(
  `^(${PARTICLES}${SURNAME_WORD}(?:\\s+${SURNAME_WORD})*?)\\s+\\p{Lu}(?:[.-]?\\p{Lu}){0,3}\\.?(?:\\s+(?:Jr|Sr|II|III)\\.?)?$`,
  'u',
);

/** Words that mark a label as a stand-in for an author nobody saw ("author list not seen", "Not shown", "[authors"). */
const PLACEHOLDER = /author|not shown|not seen|unknown|anonymous|^\W|^(?:not|none|n\/a|et al\.?)$/i;

/** The first author's surname when `authors` starts with a personal name, else undefined. */
export function derivedLabel(authors: string): string | undefined {
  // The first entry ends at a comma, a semicolon or a bracket ("Kim L (author); Khardori R (chief editor)").
  const first = authors.split(/[,;(]/)[0]?.trim() ?? '';
  return PERSONAL_NAME.exec(first)?.[1];
}

/** Why a label cannot be shown to a reader, or undefined when it can. */
export function placeholderReason(label: string): string | undefined {
  if (label.trim() === '') return 'the label is empty';
  if (PLACEHOLDER.test(label)) return `"${label}" is a placeholder, not an author or issuing body`;
  return undefined;
}

/** The reference's label (first author or issuing body), or undefined when neither `label` nor `authors` gives one. */
export function referenceLabel(r: Pick<Reference, 'authors' | 'label'>): string | undefined {
  const label = r.label ?? derivedLabel(r.authors);
  return label === undefined || placeholderReason(label) !== undefined ? undefined : label;
}

/** "First author year" as shown beside a conclusion; the reference id stands in when no readable label exists. */
export function citationLabel(r: Pick<Reference, 'id' | 'authors' | 'label' | 'year'>): string {
  return `${referenceLabel(r) ?? r.id} ${r.year ?? 'n.d.'}`;
}

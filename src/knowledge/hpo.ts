// HPO vocabulary (bundled under vocab/hpo): labels, scoped synonyms, the is_a hierarchy and obsolete ids, parsed from TSV.

/** What became of an obsolete HPO id: the term that replaces it, or terms to consider instead. */
export interface ObsoleteTerm {
  readonly replacedBy: readonly string[];
  readonly consider: readonly string[];
}

/** The parts of HPO that Paraneo uses: labels, text synonyms, parents and obsolete ids. */
export interface HpoVocabulary {
  readonly labels: ReadonlyMap<string, string>;
  /** Every phrase (label, exact/related/narrow synonym, layperson synonym) with the term it names. */
  readonly phrases: ReadonlyArray<readonly [phrase: string, hpoId: string]>;
  readonly parents: ReadonlyMap<string, readonly string[]>;
  readonly obsolete: ReadonlyMap<string, ObsoleteTerm>;
}

export interface HpoSources {
  /** labels.tsv: id, label */
  labels: string;
  /** synonyms.tsv: id, scope, synonym, type (layperson or empty), release */
  synonyms: string;
  /** is_a.tsv: child, parent */
  isA: string;
  /** obsolete.tsv: id, replaced_by (comma-separated), consider (comma-separated) */
  obsolete: string;
}

function rows(tsv: string): string[][] {
  const out: string[][] = [];
  for (const line of tsv.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    out.push(line.replace(/\r$/, '').split('\t'));
  }
  return out;
}

const list = (cell: string | undefined): string[] => (cell ? cell.split(',').filter(Boolean) : []);

/**
 * Parse the bundled HPO TSV files.
 *
 * @returns the vocabulary; synonyms and parents of ids absent from the labels are dropped
 */
export function parseHpo(sources: HpoSources): HpoVocabulary {
  const labels = new Map<string, string>();
  for (const [id, label] of rows(sources.labels)) if (id && label) labels.set(id, label);
  const phrases: Array<readonly [string, string]> = [];
  for (const [id, label] of labels) phrases.push([label, id]);
  for (const [id, scope, synonym] of rows(sources.synonyms)) {
    // BROAD synonyms name a wider concept than the term, so they would over-match free text.
    if (id && synonym && labels.has(id) && (scope === 'EXACT' || scope === 'RELATED' || scope === 'NARROW'))
      phrases.push([synonym, id]);
  }
  const parents = new Map<string, string[]>();
  for (const [child, parent] of rows(sources.isA)) {
    if (!child || !parent || !labels.has(child)) continue;
    const known = parents.get(child);
    if (known === undefined) parents.set(child, [parent]);
    else known.push(parent);
  }
  const obsolete = new Map<string, ObsoleteTerm>();
  for (const [id, replacedBy, consider] of rows(sources.obsolete))
    if (id && !labels.has(id)) obsolete.set(id, { replacedBy: list(replacedBy), consider: list(consider) });
  return { labels, phrases, parents, obsolete };
}

/** How an HPO id given to Paraneo reads in the bundled release. */
export type HpoIdReading =
  | { readonly kind: 'current'; readonly id: string; readonly label: string }
  | { readonly kind: 'replaced'; readonly id: string; readonly label: string; readonly obsoleteId: string }
  | { readonly kind: 'obsolete'; readonly obsoleteId: string; readonly consider: readonly string[] }
  | { readonly kind: 'unknown' };

/** Read an HPO id: current, obsolete with its replacement, obsolete without one, or unknown. */
export function readHpoId(vocab: HpoVocabulary, id: string): HpoIdReading {
  const label = vocab.labels.get(id);
  if (label !== undefined) return { kind: 'current', id, label };
  const old = vocab.obsolete.get(id);
  if (old === undefined) return { kind: 'unknown' };
  for (const next of old.replacedBy) {
    const nextLabel = vocab.labels.get(next);
    if (nextLabel !== undefined) return { kind: 'replaced', id: next, label: nextLabel, obsoleteId: id };
  }
  return { kind: 'obsolete', obsoleteId: id, consider: old.consider.filter((c) => vocab.labels.has(c)) };
}

/** All ancestors of an HPO term (excluding itself), nearest first. */
export function ancestorsOf(vocab: HpoVocabulary, id: string): string[] {
  const seen = new Set<string>();
  const queue = [...(vocab.parents.get(id) ?? [])];
  const out: string[] = [];
  while (queue.length > 0) {
    const next = queue.shift();
    if (next === undefined || seen.has(next)) continue;
    seen.add(next);
    out.push(next);
    queue.push(...(vocab.parents.get(next) ?? []));
  }
  return out;
}

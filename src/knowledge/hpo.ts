// HPO vocabulary (bundled under vocab/hpo): labels, synonyms and the is_a hierarchy, parsed from TSV text.

/** The parts of HPO that Paraneo uses: labels, text synonyms and parents. */
export interface HpoVocabulary {
  readonly labels: ReadonlyMap<string, string>;
  /** Every phrase (label, synonym, layperson synonym) with the term it names. */
  readonly phrases: ReadonlyArray<readonly [phrase: string, hpoId: string]>;
  readonly parents: ReadonlyMap<string, readonly string[]>;
}

export interface HpoSources {
  labels: string;
  synonyms: string;
  layperson: string;
  isA: string;
}

function rows(tsv: string): string[][] {
  return tsv
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.replace(/\r$/, '').split('\t'));
}

/**
 * Parse the bundled HPO TSV files.
 *
 * @param sources - the text of labels.tsv, synonyms-2015.tsv, layperson-synonyms.tsv and is_a-2015.tsv
 * @returns the vocabulary; synonyms of ids absent from the current labels are dropped (obsolete terms)
 */
export function parseHpo(sources: HpoSources): HpoVocabulary {
  const labels = new Map<string, string>();
  for (const [id, label] of rows(sources.labels)) if (id && label) labels.set(id, label);
  const phrases: Array<readonly [string, string]> = [];
  for (const [id, label] of labels) phrases.push([label, id]);
  for (const [id, scope, synonym] of rows(sources.synonyms)) {
    // BROAD synonyms name a wider concept than the term, so they would over-match free text.
    if (id && synonym && labels.has(id) && (scope === 'EXACT' || scope === 'RELATED' || scope === 'NARROW'))
      phrases.push([synonym.replace(/\.$/, ''), id]);
  }
  for (const [id, synonym] of rows(sources.layperson))
    if (id && synonym && labels.has(id)) phrases.push([synonym, id]);
  const parents = new Map<string, string[]>();
  for (const [child, parent] of rows(sources.isA)) {
    if (!child || !parent) continue;
    const list = parents.get(child) ?? [];
    list.push(parent);
    parents.set(child, list);
  }
  return { labels, phrases, parents };
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

// Knowledge indexes, built once per knowledge base and reused for every case (never per case).

import { ancestorsOf } from './hpo.js';
import type { Knowledge } from './knowledge.js';
import { normaliseAntibodyName, normaliseText } from './normalise.js';
import { citationLabel } from './reference-label.js';
import type { Antibody, Finding, Lab, Reference, Syndrome, Tumour } from './schema.js';
import type { Drug, Remedy } from './treatment-schema.js';

export type { HpoVocabulary } from './hpo.js';
export { ancestorsOf, parseHpo } from './hpo.js';
export type { KnowledgeIssue, KnowledgeIssueCode } from './issues.js';
export { formatIssue } from './issues.js';
export type { Knowledge } from './knowledge.js';
export { loadKnowledge } from './load.js';
export { normaliseAntibodyName, normaliseText } from './normalise.js';
export { knowledgePaths } from './paths.js';
export * from './schema.js';

/** Lookup tables over a knowledge base; read-only once built. */
export interface KnowledgeIndex {
  readonly kb: Knowledge;
  readonly syndromeById: ReadonlyMap<string, Syndrome>;
  readonly findingById: ReadonlyMap<string, Finding>;
  readonly findingByHpo: ReadonlyMap<string, Finding>;
  readonly antibodyById: ReadonlyMap<string, Antibody>;
  readonly antibodyByName: ReadonlyMap<string, Antibody>;
  readonly tumourById: ReadonlyMap<string, Tumour>;
  /** Normalised tumour names and synonyms, longest first, for matching inside free text. */
  readonly tumourNames: ReadonlyArray<readonly [name: string, tumour: Tumour]>;
  readonly labById: ReadonlyMap<string, Lab>;
  readonly labByLoinc: ReadonlyMap<string, Lab>;
  readonly labByName: ReadonlyMap<string, Lab>;
  readonly referenceById: ReadonlyMap<string, Reference>;
  /** Normalised phrase → HPO id, for free-text extraction (knowledge synonyms take precedence). */
  readonly phraseToHpo: ReadonlyMap<string, string>;
  /** Longest phrase length in words. */
  readonly maxPhraseWords: number;
  /** First word of a phrase → the most words a phrase starting with it has (a word absent here starts no phrase). */
  readonly phraseWordsFrom: ReadonlyMap<string, number>;
  /** Per syndrome: its listed findings by HPO id, and by every ancestor of a listed term (for less specific input). */
  readonly syndromeFindings: ReadonlyMap<string, SyndromeFindingLookup>;
  /** Antibody id → the first item of every syndrome that lists it. */
  readonly syndromesByAntibody: ReadonlyMap<
    string,
    ReadonlyArray<{ readonly syndrome: number; readonly item: Syndrome['antibodies'][number] }>
  >;
  /** Memo of relative tumour shares per tumour list (filled on first use). */
  readonly sharesMemo: WeakMap<object, readonly unknown[]>;
  /** HPO id → the tumour signs that use exactly that term. */
  readonly signsByHpo: ReadonlyMap<
    string,
    ReadonlyArray<{ readonly tumour: string; readonly sign: Tumour['signs'][number] }>
  >;
  /** Memo of display citations per evidence list (filled on first use; the knowledge is immutable). */
  readonly citationMemo: WeakMap<object, readonly unknown[]>;
  readonly drugById: ReadonlyMap<string, Drug>;
  readonly drugByName: ReadonlyMap<string, Drug>;
  readonly drugByRxnorm: ReadonlyMap<string, Drug>;
  readonly remedyById: ReadonlyMap<string, Remedy>;
  readonly remedyByName: ReadonlyMap<string, Remedy>;
  /** Reference id → short "Author year" label. */
  readonly shortLabels: ReadonlyMap<string, string>;
  /** Every HPO id that is a listed finding of some syndrome, or an ancestor of one. */
  readonly listedOrAncestor: ReadonlySet<string>;
  /** Every HPO id listed as a finding by some syndrome. */
  readonly listed: ReadonlySet<string>;
  /** HPO id → the set of its ancestors (cached on first use). */
  ancestors(hpoId: string): ReadonlySet<string>;
  /**
   * A table derived from the knowledge alone, built on first use by `build` and kept for every later case (an engine
   * module owns its key, so modules add tables without touching this interface).
   */
  derived<T>(key: DerivedKey<T>, build: (index: KnowledgeIndex) => T): T;
}

/** The key of one derived table; its type ties the key to what `build` returns. */
export interface DerivedKey<T> {
  readonly name: string;
  /** Never set: only carries the table's type. */
  readonly __table?: T;
}

/** A new key for `KnowledgeIndex.derived`. */
export function derivedKey<T>(name: string): DerivedKey<T> {
  return Object.freeze({ name });
}

type SyndromeFindingItem = Syndrome['findings'][number] & { readonly hpo: string };

export interface SyndromeFindingLookup {
  readonly byHpo: ReadonlyMap<string, SyndromeFindingItem>;
  readonly byAncestor: ReadonlyMap<string, readonly SyndromeFindingItem[]>;
}

const PHENOTYPIC_ABNORMALITY = 'HP:0000118';

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

function buildPhrases(
  kb: Knowledge,
  findingByHpo: ReadonlyMap<string, Finding>,
  isPhenotype: (id: string) => boolean,
) {
  const phraseToHpo = new Map<string, string>();
  const fromKnowledge = new Set<string>();
  for (const finding of kb.findings) {
    for (const phrase of [finding.code.label, ...finding.synonyms]) {
      const key = normaliseText(phrase);
      if (key === '') continue;
      phraseToHpo.set(key, finding.code.code);
      fromKnowledge.add(key);
    }
  }
  for (const [phrase, id] of kb.hpo.phrases) {
    const key = normaliseText(phrase);
    // Single short words ("ill", "pale") match too much ordinary prose to be trusted alone.
    if (key.length < 4 || fromKnowledge.has(key) || !isPhenotype(id)) continue;
    const current = phraseToHpo.get(key);
    // Prefer a term the knowledge base uses, then the lower id, so the choice never depends on file order.
    if (current === undefined || (!findingByHpo.has(current) && (findingByHpo.has(id) || id < current)))
      phraseToHpo.set(key, id);
  }
  let maxPhraseWords = 1;
  const phraseWordsFrom = new Map<string, number>();
  for (const key of phraseToHpo.keys()) {
    const words = key.split(' ');
    maxPhraseWords = Math.max(maxPhraseWords, words.length);
    const first = words[0] ?? '';
    phraseWordsFrom.set(first, Math.max(phraseWordsFrom.get(first) ?? 0, words.length));
  }
  return { phraseToHpo, maxPhraseWords: Math.min(maxPhraseWords, 12), phraseWordsFrom };
}

/**
 * Build every lookup table the parser and the engine need, once.
 *
 * @param kb - a validated knowledge base
 * @returns the index; `ancestors` caches each term's ancestor set on first use
 */
export function buildKnowledgeIndex(kb: Knowledge): KnowledgeIndex {
  const findingById = byId(kb.findings);
  const findingByHpo = new Map(kb.findings.map((f) => [f.code.code, f]));
  const ancestorCache = new Map<string, ReadonlySet<string>>();
  const ancestors = (hpoId: string): ReadonlySet<string> => {
    let set = ancestorCache.get(hpoId);
    if (set === undefined) {
      set = new Set(ancestorsOf(kb.hpo, hpoId));
      ancestorCache.set(hpoId, set);
    }
    return set;
  };
  const isPhenotype = (id: string) =>
    id === PHENOTYPIC_ABNORMALITY || ancestors(id).has(PHENOTYPIC_ABNORMALITY);
  const antibodyByName = new Map<string, Antibody>();
  for (const a of kb.antibodies)
    for (const name of [a.id, a.name, ...a.synonyms]) antibodyByName.set(normaliseAntibodyName(name), a);
  const labByName = new Map<string, Lab>();
  const labByLoinc = new Map<string, Lab>();
  for (const lab of kb.labs) {
    for (const name of [lab.id, lab.name, ...lab.synonyms]) labByName.set(normaliseText(name), lab);
    for (const code of [lab.code, ...lab.alternateCodes]) labByLoinc.set(code.code, lab);
  }
  const tumourNames: Array<readonly [string, Tumour]> = [];
  for (const t of kb.tumours)
    for (const name of [t.name, ...t.synonyms]) tumourNames.push([normaliseText(name), t] as const);
  tumourNames.sort((a, b) => b[0].length - a[0].length || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const syndromeFindings = new Map<string, SyndromeFindingLookup>();
  const listed = new Set<string>();
  const listedOrAncestor = new Set<string>();
  const syndromesByAntibody = new Map<
    string,
    Array<{ syndrome: number; item: Syndrome['antibodies'][number] }>
  >();
  const push = <T>(map: Map<string, T[]>, key: string, value: T) => {
    const list = map.get(key) ?? [];
    list.push(value);
    map.set(key, list);
  };
  kb.syndromes.forEach((syndrome, position) => {
    for (const item of syndrome.antibodies)
      if (!(syndromesByAntibody.get(item.antibody) ?? []).some((x) => x.syndrome === position))
        push(syndromesByAntibody, item.antibody, { syndrome: position, item });
  });
  for (const syndrome of kb.syndromes) {
    const byHpo = new Map<string, SyndromeFindingItem>();
    const byAncestor = new Map<string, SyndromeFindingItem[]>();
    for (const item of syndrome.findings) {
      const hpo = findingById.get(item.finding)?.code.code;
      if (hpo === undefined) continue;
      const withHpo = { ...item, hpo };
      // A syndrome that lists a term twice keeps the last item.
      byHpo.set(hpo, withHpo);
      listed.add(hpo);
      listedOrAncestor.add(hpo);
      for (const a of ancestors(hpo)) {
        const list = byAncestor.get(a) ?? [];
        list.push(withHpo);
        byAncestor.set(a, list);
        listedOrAncestor.add(a);
      }
    }
    syndromeFindings.set(syndrome.id, { byHpo, byAncestor });
  }
  const signsByHpo = new Map<string, Array<{ tumour: string; sign: Tumour['signs'][number] }>>();
  for (const t of kb.tumours)
    for (const sign of t.signs) {
      const hpo = findingById.get(sign.finding)?.code.code;
      if (hpo !== undefined) push(signsByHpo, hpo, { tumour: t.id, sign });
    }
  const drugByName = new Map<string, Drug>();
  const drugByRxnorm = new Map<string, Drug>();
  for (const d of kb.drugs) {
    for (const name of [d.id, d.name, ...d.synonyms]) drugByName.set(normaliseText(name), d);
    for (const c of d.codes) if (c.system === 'RxNorm') drugByRxnorm.set(c.code, d);
  }
  const remedyByName = new Map<string, Remedy>();
  for (const r of kb.remedies)
    for (const name of [r.id, r.name, ...r.synonyms, ...r.preparations.flatMap((p) => p.synonyms)])
      remedyByName.set(normaliseText(name), r);
  // kb:check refuses a reference without a readable label, so the id fallback only shows in unchecked fixtures.
  const shortLabels = new Map(kb.references.map((r) => [r.id, citationLabel(r)]));
  let phraseTables: ReturnType<typeof buildPhrases> | undefined;
  const phrases = () => {
    phraseTables ??= buildPhrases(kb, findingByHpo, isPhenotype);
    return phraseTables;
  };
  const tables = new Map<DerivedKey<unknown>, unknown>();
  const index: KnowledgeIndex = {
    kb,
    syndromeFindings,
    syndromesByAntibody,
    shortLabels,
    drugById: byId(kb.drugs),
    drugByName,
    drugByRxnorm,
    remedyById: byId(kb.remedies),
    remedyByName,
    citationMemo: new WeakMap(),
    sharesMemo: new WeakMap(),
    signsByHpo,
    listed,
    listedOrAncestor,
    syndromeById: byId(kb.syndromes),
    findingById,
    findingByHpo,
    antibodyById: byId(kb.antibodies),
    antibodyByName,
    tumourById: byId(kb.tumours),
    tumourNames,
    labById: byId(kb.labs),
    labByLoinc,
    labByName,
    referenceById: byId(kb.references),
    // No engine or screening path reads the phrase tables: built on first read, they cost a process nothing otherwise.
    get phraseToHpo() {
      return phrases().phraseToHpo;
    },
    get maxPhraseWords() {
      return phrases().maxPhraseWords;
    },
    get phraseWordsFrom() {
      return phrases().phraseWordsFrom;
    },
    ancestors,
    derived<T>(key: DerivedKey<T>, build: (index: KnowledgeIndex) => T): T {
      if (tables.has(key)) return tables.get(key) as T;
      const table = build(index);
      tables.set(key, table);
      return table;
    },
  };
  return index;
}

// Knowledge indexes, built once per knowledge base and reused for every case (never per case).
import { ancestorsOf } from './hpo.js';
import type { Knowledge } from './knowledge.js';
import { normaliseAntibodyName, normaliseText } from './normalise.js';
import type { Antibody, Finding, Lab, Reference, Syndrome, Tumour } from './schema.js';

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
  /** Per syndrome: its listed findings by HPO id, and by every ancestor of a listed term (for less specific input). */
  readonly syndromeFindings: ReadonlyMap<string, SyndromeFindingLookup>;
  /** Every HPO id that is a listed finding of some syndrome, or an ancestor of one. */
  readonly listedOrAncestor: ReadonlySet<string>;
  /** Every HPO id listed as a finding by some syndrome. */
  readonly listed: ReadonlySet<string>;
  /** HPO id → the set of its ancestors (cached on first use). */
  ancestors(hpoId: string): ReadonlySet<string>;
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
  for (const key of phraseToHpo.keys()) maxPhraseWords = Math.max(maxPhraseWords, key.split(' ').length);
  return { phraseToHpo, maxPhraseWords: Math.min(maxPhraseWords, 12) };
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
  tumourNames.sort((a, b) => b[0].length - a[0].length || a[0].localeCompare(b[0]));
  const syndromeFindings = new Map<string, SyndromeFindingLookup>();
  const listed = new Set<string>();
  const listedOrAncestor = new Set<string>();
  for (const syndrome of kb.syndromes) {
    const byHpo = new Map<string, SyndromeFindingItem>();
    const byAncestor = new Map<string, SyndromeFindingItem[]>();
    for (const item of syndrome.findings) {
      const hpo = findingById.get(item.finding)?.code.code;
      if (hpo === undefined) continue;
      const withHpo = { ...item, hpo };
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
  return {
    kb,
    syndromeFindings,
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
    ...buildPhrases(kb, findingByHpo, isPhenotype),
    ancestors,
  };
}

// Known-cancer text → catalogue tumour: names, histology + site word rules (knowledge/tumours recognise) and ICD-10 codes.
import { derivedKey, type KnowledgeIndex } from '../knowledge/index.js';
import { normaliseText } from '../knowledge/normalise.js';

/** What the text says about the tumour: present now, treated in the past, or only suspected (not a found tumour). */
export type CancerStatus = 'current' | 'history' | 'suspected';

export type CancerReading =
  | {
      readonly kind: 'tumour';
      readonly tumourId: string;
      readonly status: CancerStatus;
      readonly matched: string;
    }
  | { readonly kind: 'unrecognised'; readonly reason: string };

interface Phrase {
  readonly words: string;
  /** The words with a space either side, as they are searched for in the padded text. */
  readonly padded: string;
  readonly length: number;
}

interface Rule {
  readonly tumourId: string;
  readonly groups: readonly (readonly Phrase[])[];
  /** Padded like Phrase.padded. */
  readonly unless: readonly string[];
}

interface TumourText {
  readonly rules: readonly Rule[];
  /** ICD-10 code (upper case, with its dot) → the tumours whose files carry it. */
  readonly byIcd10: ReadonlyMap<string, readonly string[]>;
}

// US and variant spellings folded to the catalogue's British forms, word by word, on both sides of a match.
const SPELLING: Readonly<Record<string, string>> = {
  tumor: 'tumour',
  tumors: 'tumour',
  tumours: 'tumour',
  carcinomas: 'carcinoma',
  esophagus: 'oesophagus',
  esophageal: 'oesophageal',
  leukemia: 'leukaemia',
  hemangioblastoma: 'haemangioblastoma',
  pheochromocytoma: 'phaeochromocytoma',
  cecum: 'caecum',
  testes: 'testis',
  ovaries: 'ovary',
  smallcell: 'small cell',
  nonsmall: 'non small',
};

/** Normalise as the rest of Paraneo does, then fold spellings, so "Tumor of the esophagus" reads as the catalogue does. */
export function normaliseTumourText(text: string): string {
  return normaliseText(text)
    .split(' ')
    .map((w) => SPELLING[w] ?? w)
    .join(' ');
}

const HISTORY =
  /\b(history of|h o|hx of|previous|previously|prior|past|treated|resected|excised|removed|operated|in remission|remission|cured|status post|s p|ago|survivor|completed)\b/;
const SUSPECTED =
  /\b(suspected|suspect|suspicion|suspicious|possible|possibly|probable|probably|presumed|presumptive|query|likely|concerning for|cannot be excluded|not excluded|rule out|r o|differential)\b/;
const NEGATED = /^(no|not|without|negative for|no evidence of|free of)\b|\b(ruled out|excluded)\b/;
// A site named as the place a cancer spread to is not its primary: "breast carcinoma metastatic to the liver".
const SPREAD =
  /\b(metastatic|metastasis|metastases|metastasised|metastasized|spread|spreading)\s+(to|in|into)\b.*$/;
const SITE_BEFORE_METASTASES = /\b[a-z]+\s+(metastasis|metastases|mets|deposits)\b/g;
// An ICD-10 code as charts write it: letter, two digits, optional dot and one or two digits ("C34.1", "C50").
const ICD10 = /\b([A-Z]\d{2})(?:\.(\d{1,2}))?\b/g;

function phrase(text: string): Phrase {
  const words = normaliseTumourText(text);
  return { words, padded: ` ${words} `, length: words.split(' ').length };
}

function buildTumourText(index: KnowledgeIndex): TumourText {
  const rules: Rule[] = [];
  const byIcd10 = new Map<string, string[]>();
  for (const t of index.kb.tumours) {
    // A name or synonym is a one-group rule; it wins over a word rule only by being longer.
    for (const name of [t.name, ...t.synonyms])
      rules.push({ tumourId: t.id, groups: [[phrase(name)]], unless: [] });
    for (const r of t.recognise)
      rules.push({
        tumourId: t.id,
        groups: r.all.map((g) => g.map(phrase)),
        unless: r.unless.map((u) => ` ${normaliseTumourText(u)} `),
      });
    for (const c of t.codes) {
      if (c.system !== 'ICD-10') continue;
      const list = byIcd10.get(c.code.toUpperCase()) ?? [];
      if (!list.includes(t.id)) list.push(t.id);
      byIcd10.set(c.code.toUpperCase(), list);
    }
  }
  return { rules, byIcd10 };
}

const TUMOUR_TEXT = derivedKey<TumourText>('case.tumourText');

/** One rule on the text: the words of the longest phrase of each group plus one per group, and the phrases used. */
function scoreRule(rule: Rule, padded: string): { score: number; matched: string } | undefined {
  for (const u of rule.unless) if (padded.includes(u)) return undefined;
  let score = 0;
  const used: string[] = [];
  for (const group of rule.groups) {
    let best: Phrase | undefined;
    for (const p of group)
      if ((best === undefined || p.length > best.length) && padded.includes(p.padded)) best = p;
    if (best === undefined) return undefined;
    score += best.length + 1;
    used.push(best.words);
  }
  return { score, matched: used.join(' + ') };
}

/** The tumours the ICD-10 codes in the raw text name: the full code first, then its three-character category. */
function icd10Tumours(raw: string, table: TumourText): { ids: Set<string>; codes: string[] } {
  const ids = new Set<string>();
  const codes: string[] = [];
  for (const m of raw.matchAll(ICD10)) {
    const category = m[1] ?? '';
    const full = m[2] === undefined ? category : `${category}.${m[2]}`;
    const hit = table.byIcd10.get(full) ?? table.byIcd10.get(category);
    if (hit === undefined) continue;
    codes.push(full);
    for (const id of hit) ids.add(id);
  }
  return { ids, codes };
}

function statusOf(words: string, raw: string): CancerStatus | 'negated' {
  if (HISTORY.test(words)) return 'history';
  if (NEGATED.test(words)) return 'negated';
  if (SUSPECTED.test(words) || raw.includes('?')) return 'suspected';
  return 'current';
}

/**
 * Read one known-cancer text: which catalogue tumour it names and whether it is current, past or only suspected.
 *
 * @param raw - the text as written ("Müllerian/high-grade serous carcinoma of the ovary, FIGO IIIC")
 * @param index - the knowledge index (tumour names, recognition rules, ICD-10 codes)
 * @returns the tumour with its status, or why the text could not be resolved to one tumour
 * @example
 * readCancerText('invasive ductal carcinoma, T1c N1', index)
 * //=> { kind: 'tumour', tumourId: 'breast-cancer', status: 'current', matched: 'invasive ductal' }
 */
export function readCancerText(raw: string, index: KnowledgeIndex): CancerReading {
  const table = index.derived(TUMOUR_TEXT, buildTumourText);
  const words = normaliseTumourText(raw);
  const status = statusOf(words, raw);
  if (status === 'negated')
    return {
      kind: 'unrecognised',
      reason: 'negated: the text says there is no such cancer (give a negative search under "screening")',
    };
  const primary = words.replace(SPREAD, '').replace(SITE_BEFORE_METASTASES, ' ');
  const padded = ` ${primary} `;
  const scores = new Map<string, { score: number; label: string }>();
  for (const rule of table.rules) {
    const hit = scoreRule(rule, padded);
    if (hit === undefined) continue;
    const seen = scores.get(rule.tumourId);
    if (seen === undefined || hit.score > seen.score)
      scores.set(rule.tumourId, { score: hit.score, label: hit.matched });
  }
  const codes = icd10Tumours(raw, table);
  // A code counts like a two-word name: alone it names its tumours; with histology words it picks among them.
  for (const id of codes.ids) {
    const seen = scores.get(id);
    const label = `ICD-10 ${codes.codes.join(', ')}`;
    scores.set(id, {
      score: (seen?.score ?? 0) + 3,
      label: seen === undefined ? label : `${seen.label} + ${label}`,
    });
  }
  let best = 0;
  for (const s of scores.values()) if (s.score > best) best = s.score;
  const top = [...scores].filter(([, s]) => s.score === best).map(([id]) => id);
  if (top.length === 0)
    return {
      kind: 'unrecognised',
      reason:
        codes.codes.length === 0 && /\b[A-Z]\d{2}(\.\d{1,2})?\b/.test(raw)
          ? 'tumour type not recognised (the ICD-10 code is not one of the catalogued tumours)'
          : 'tumour type not recognised',
    };
  if (top.length > 1)
    return {
      kind: 'unrecognised',
      reason: `tumour type ambiguous: could be ${top.sort().join(' or ')}; give the histology or the site`,
    };
  const id = top[0] as string;
  return { kind: 'tumour', tumourId: id, status, matched: scores.get(id)?.label ?? id };
}

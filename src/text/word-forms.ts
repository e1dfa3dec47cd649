// One canonical form per word, so "haemorrhages", "hemorrhage" and "Haemorrhagic" meet: spelling folds, Greek/Latin
// plurals, a few irregular forms, then the Porter stemmer (the `stemmer` package). Dictionary phrases and note text go
// through the same function, so a fold only has to be consistent, not linguistically exact.
import { stemmer } from 'stemmer';

/** British ↔ American and ae/oe spellings, applied inside a word in this order (both sides are folded alike). */
const SPELLING_FOLDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/aemi(?=[ac])/g, 'emi'], // anaemia, hyponatraemia, leukaemia; anaemic, hypoglycaemic
  [/haem/g, 'hem'], // haematuria, haemorrhage
  [/aesth/g, 'esth'], // paraesthesia, anaesthesia
  [/paed/g, 'ped'], // paediatric
  [/oedem/g, 'edem'], // oedema
  [/oea\b/g, 'ea'], // dyspnoea, diarrhoea, apnoea
  [/oesoph/g, 'esoph'], // oesophagus
  [/oestr/g, 'estr'], // oestrogen
  [/coeli/g, 'celi'], // coeliac
  [/foet/g, 'fet'], // foetal
  [/ischaem/g, 'ischem'], // ischaemia
  [/^tumour/, 'tumor'],
  [/^behaviour/, 'behavior'],
  [/^colour/, 'color'],
  [/(\w{4,})is(e|ed|ing|ation)$/, '$1iz$2'], // immobilised, paralysation (not bruise, rise)
];

/** Irregular and Latin/Greek forms the stemmer does not join with their base word. */
const IRREGULAR: Readonly<Record<string, string>> = {
  swollen: 'swell',
  bled: 'bleed',
  bleeding: 'bleed',
  fell: 'fall',
  falls: 'fall',
  lost: 'loss',
  losing: 'loss',
  lose: 'loss',
  emboli: 'embolus',
  thrombi: 'thrombus',
  nuclei: 'nucleus',
  bronchi: 'bronchus',
  vertebrae: 'vertebra',
  metastases: 'metastasis',
  diagnoses: 'diagnosis',
  ptoses: 'ptosis',
  neuroses: 'neurosis',
  psychoses: 'psychosis',
  feet: 'foot',
  teeth: 'tooth',
  children: 'child',
  women: 'woman',
  men: 'man',
  eyelids: 'eyelid',
  worse: 'worsen',
  worsening: 'worsen',
  fainted: 'faint',
  fainting: 'faint',
  // Clinical English uses these nouns for HPO's "abnormality" ("ear anomalies", "limb malformation").
  anomaly: 'abnormality',
  anomalies: 'abnormality',
  malformation: 'abnormality',
  malformations: 'abnormality',
  malformed: 'abnormal',
};

/**
 * Nouns that, after an organ or before "of" and one, say only that it is abnormal ("ocular manifestations",
 * "involvement of the skin"). Read as "abnormality", but only in that position (see extract.ts): elsewhere ("the
 * findings include", "manifestations affecting") they name nothing.
 */
export const ABNORMALITY_HEADS: ReadonlySet<string> = new Set([
  'manifestation',
  'manifestations',
  'involvement',
  'finding',
  'findings',
]);

/** Organ adjectives read as their noun, so "renal cyst" meets "kidney cyst" and "cerebellar atrophy" the cerebellum. */
const ORGAN_ADJECTIVES: Readonly<Record<string, string>> = {
  renal: 'kidney',
  hepatic: 'liver',
  cardiac: 'heart',
  cerebellar: 'cerebellum',
  vertebral: 'vertebra',
  gastric: 'stomach',
  dental: 'tooth',
  cutaneous: 'skin',
  dermal: 'skin',
  ocular: 'eye',
  ophthalmic: 'eye',
  ophthalmologic: 'eye',
  ophthalmological: 'eye',
  oral: 'mouth',
  otic: 'ear',
  aural: 'ear',
  otologic: 'ear',
  otological: 'ear',
  facial: 'face',
  nasal: 'nose',
  labial: 'lip',
  lingual: 'tongue',
  pulmonary: 'lung',
  cerebral: 'cerebrum',
  palmar: 'palm',
  plantar: 'sole',
  splenic: 'spleen',
  pancreatic: 'pancreas',
  ovarian: 'ovary',
  uterine: 'uterus',
  testicular: 'testis',
  intestinal: 'intestine',
  colonic: 'colon',
  esophageal: 'esophagus',
  rectal: 'rectum',
  anal: 'anus',
  aortic: 'aorta',
  retinal: 'retina',
  corneal: 'cornea',
  gingival: 'gingiva',
  mandibular: 'mandible',
  costal: 'rib',
  femoral: 'femur',
  tibial: 'tibia',
};

/** Latin/Greek plural endings → singular, tried when the word is not irregular (e.g. "papillae" → "papilla"). */
const PLURAL_ENDINGS: ReadonlyArray<readonly [RegExp, string]> = [
  [/ices$/, 'ex'], // apices → apex, vortices → vortex
  [/ides$/, 'is'], // epididymides → epididymis
  [/([^a])ae$/, '$1a'], // papillae → papilla
  [/omata$/, 'oma'], // carcinomata → carcinoma
  [/([^aeiou])ses$/, '$1sis'], // neuroses-like forms not listed above
];

/**
 * A noun of condition read as its adjective, so "dysplastic hips" meets "hip dysplasia" and "ataxic limb movements"
 * "limb ataxia" (the stemmer leaves the two apart). The first that applies is used; the stem before the suffix must be
 * long enough that short words ("media", "mania") keep their own form. Not -ence → -ent: "seizures absent" would
 * then read as absence seizures.
 */
const NOUN_TO_ADJECTIVE: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(\w{3,})asia$/, '$1astic'], // dysplasia, hypoplasia, aplasia
  [/^(\w{3,})esia$/, '$1etic'], // dyskinesia, anesthesia
  [/^(\w{3,})osis$/, '$1otic'], // sclerosis, fibrosis, stenosis, cyanosis
  [/^(\w{4,})ia$/, '$1ic'], // ataxia, dystonia, hypotonia, ischemia
];

/**
 * Verbs made from an adjective with -en, as stemmed, → the adjective: "shortening of the toes" meets "short toes" and
 * "thick skin" "thickened skin".
 */
const EN_VERBS: Readonly<Record<string, string>> = {
  shorten: 'short',
  widen: 'wide',
  flatten: 'flat',
  thicken: 'thick',
  broaden: 'broad',
  weaken: 'weak',
  deepen: 'deep',
  tighten: 'tight',
  stiffen: 'stiff',
  darken: 'dark',
};

/**
 * The canonical form of one lower-case word (already passed through `normaliseText`).
 *
 * @example wordForm('haemorrhages') === wordForm('hemorrhage')
 */
export function wordForm(word: string): string {
  const organ = ORGAN_ADJECTIVES[word];
  if (organ !== undefined) return stem(organ);
  const irregular = IRREGULAR[word] ?? (ABNORMALITY_HEADS.has(word) ? 'abnormality' : undefined);
  if (irregular !== undefined) return stem(irregular);
  let w = word;
  for (const [pattern, replacement] of SPELLING_FOLDS) w = w.replace(pattern, replacement);
  const again = IRREGULAR[w] ?? ORGAN_ADJECTIVES[w];
  if (again !== undefined) return stem(again);
  if (w.length > 5) for (const [pattern, replacement] of PLURAL_ENDINGS) w = w.replace(pattern, replacement);
  for (const [pattern, replacement] of NOUN_TO_ADJECTIVE) {
    const adjective = w.replace(pattern, replacement);
    if (adjective !== w) {
      w = adjective;
      break;
    }
  }
  const stemmed = stem(w);
  const adjective = EN_VERBS[stemmed];
  return adjective === undefined ? stemmed : stem(adjective);
}

/** The Porter stem, except that numbers and short tokens are kept as they are (the stemmer turns "is" into "i"). */
function stem(w: string): string {
  return w.length <= 3 || /\d/.test(w) ? w : stemmer(w);
}

/** Words that carry no identity in a phrase: left out of dictionary keys and of note text alike. */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'the',
  'of',
  'in',
  'on',
  'at',
  'to',
  'and',
  'or',
  'with',
  'is',
  'was',
  'were',
  'are',
  'be',
  'been',
  'has',
  'had',
  'have',
  'her',
  'his',
  'their',
  'she',
  'he',
  'patient',
  'pt',
  'some',
  'noted',
  'developed',
  'presented',
  'experienced',
  'complained',
  'complains',
]);

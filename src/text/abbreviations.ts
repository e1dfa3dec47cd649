// Abbreviations common in clinical notes, as normalised token sequences → the words they stand for. Only ones with a
// single usual reading in a symptom list are here; ambiguous ones (MG, MS, DM, PE, RA, CP as in cerebral palsy) are
// left out on purpose so they stay unrecognised rather than guessed.

export const ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['sob', 'shortness of breath'],
  ['soboe', 'shortness of breath on exertion'],
  ['doe', 'dyspnea on exertion'],
  ['loc', 'loss of consciousness'],
  ['n v', 'nausea vomiting'],
  ['n v d', 'nausea vomiting diarrhea'],
  ['ams', 'altered mental status'],
  ['wt loss', 'weight loss'],
  ['htn', 'hypertension'],
  ['afib', 'atrial fibrillation'],
  ['dvt', 'deep venous thrombosis'],
  ['lad', 'lymphadenopathy'],
  ['lymphadenop', 'lymphadenopathy'],
  ['ha', 'headache'],
  ['abd pain', 'abdominal pain'],
  ['sz', 'seizure'],
  ['szs', 'seizures'],
  ['ocd', 'obsessive compulsive disorder'],
  ['siadh', 'syndrome of inappropriate antidiuretic hormone secretion'],
]);

/** The most tokens any abbreviation above has. */
export const ABBREVIATION_MAX_TOKENS = 3;

/** First tokens of the abbreviations: a word that starts none is passed without trying each length. */
export const ABBREVIATION_STARTS: ReadonlySet<string> = new Set(
  [...ABBREVIATIONS.keys()].map((k) => k.split(' ')[0] ?? ''),
);

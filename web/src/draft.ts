// The form's state (strings as typed) ⇄ native case JSON, with the map from case field paths back to form fields.

export type ListName =
  | 'labs'
  | 'antibodies'
  | 'knownCancers'
  | 'negativeSearches'
  | 'medications'
  | 'plan'
  | 'remedies'
  | 'notes';

export const LIST_NAMES: readonly ListName[] = [
  'labs',
  'antibodies',
  'knownCancers',
  'negativeSearches',
  'medications',
  'plan',
  'remedies',
  'notes',
];

export const PATIENT_FIELDS = [
  'age',
  'sex',
  'smoking',
  'weightKg',
  'heightCm',
  'karnofsky',
  'pregnant',
] as const;
export type PatientField = (typeof PATIENT_FIELDS)[number];

export interface Row {
  readonly id: string;
  values: Record<string, string>;
}

/** A finding in the case: an HPO term (picked or accepted from a note) or free text loaded from a file. */
export interface FindingChip {
  readonly id: string;
  readonly hpo?: string;
  readonly text?: string;
  readonly label: string;
  present: boolean;
}

export interface Draft {
  caseId?: string;
  meta?: Record<string, unknown>;
  asOf: string;
  followUpMonths: string;
  patient: Record<PatientField, string>;
  findings: FindingChip[];
  lists: Record<ListName, Row[]>;
}

export interface Issue {
  readonly path: string;
  readonly message: string;
}

export interface Built {
  readonly input: Record<string, unknown>;
  /** Case field path (patient.age, labs.0, labs.0.unit) → id of the form element that holds it. */
  readonly fieldOf: ReadonlyMap<string, string>;
  /** Problems found before sending (text where a number belongs). */
  readonly issues: readonly Issue[];
}

let counter = 0;
/** A fresh element id for a row or chip. */
export const newId = (prefix: string) => `${prefix}-${++counter}`;

export function emptyDraft(asOf: string): Draft {
  const lists = Object.fromEntries(LIST_NAMES.map((n) => [n, [] as Row[]])) as unknown as Record<
    ListName,
    Row[]
  >;
  return {
    asOf,
    followUpMonths: '',
    patient: {
      age: '',
      sex: 'unknown',
      smoking: 'unknown',
      weightKg: '',
      heightCm: '',
      karnofsky: '',
      pregnant: '',
    },
    findings: [],
    lists,
  };
}

export const patientFieldId = (f: PatientField) => `patient-${f}`;
export const rowFieldId = (row: Row, key: string) => `${row.id}-${key}`;

// The typed fields of each list: a row with all of them empty is an unused row (choices such as result have defaults).
const TYPED: Readonly<Record<ListName, readonly string[]>> = {
  labs: ['name', 'loinc', 'value', 'unit', 'date'],
  antibodies: ['name', 'titre'],
  knownCancers: ['text'],
  negativeSearches: ['test', 'date'],
  medications: ['name', 'rxnorm', 'dose', 'frequency', 'perDay'],
  plan: ['name', 'rxnorm', 'dose', 'frequency', 'perDay'],
  remedies: ['name', 'dose'],
  notes: ['text'],
};

const isBlank = (name: ListName, row: Row) => TYPED[name].every((k) => (row.values[k] ?? '').trim() === '');

/** Build native case JSON from the form; blank rows are left out, numbers are read from the text as typed. */
export function buildCase(draft: Draft): Built {
  const fieldOf = new Map<string, string>();
  const issues: Issue[] = [];
  const number = (text: string, path: string, id: string): number | undefined => {
    fieldOf.set(path, id);
    const t = text.trim().replace(',', '.');
    if (t === '') return undefined;
    const n = Number(t);
    if (!Number.isFinite(n)) {
      issues.push({ path, message: `"${text}" is not a number` });
      return undefined;
    }
    return n;
  };
  const text = (value: string | undefined, path: string, id: string): string | undefined => {
    fieldOf.set(path, id);
    const t = (value ?? '').trim();
    return t === '' ? undefined : t;
  };
  const set = (o: Record<string, unknown>, key: string, value: unknown) => {
    if (value !== undefined) o[key] = value;
  };

  const input: Record<string, unknown> = {};
  if (draft.caseId !== undefined) input.id = draft.caseId;
  set(input, 'asOf', text(draft.asOf, 'asOf', 'case-asOf'));

  const p = draft.patient;
  const patient: Record<string, unknown> = {};
  fieldOf.set('patient', patientFieldId('age'));
  set(patient, 'age', number(p.age, 'patient.age', patientFieldId('age')));
  set(patient, 'sex', text(p.sex, 'patient.sex', patientFieldId('sex')));
  set(patient, 'smoking', text(p.smoking, 'patient.smoking', patientFieldId('smoking')));
  set(patient, 'weightKg', number(p.weightKg, 'patient.weightKg', patientFieldId('weightKg')));
  set(patient, 'heightCm', number(p.heightCm, 'patient.heightCm', patientFieldId('heightCm')));
  set(patient, 'karnofsky', number(p.karnofsky, 'patient.karnofsky', patientFieldId('karnofsky')));
  fieldOf.set('patient.pregnant', patientFieldId('pregnant'));
  if (p.pregnant === 'yes') patient.pregnant = true;
  if (p.pregnant === 'no') patient.pregnant = false;
  input.patient = patient;

  input.findings = draft.findings.map((f, i) => {
    fieldOf.set(`findings.${i}`, f.id);
    return { ...(f.hpo !== undefined ? { hpo: f.hpo } : { text: f.text }), present: f.present };
  });

  const rows = (name: ListName, read: (row: Row, path: string) => unknown): unknown[] =>
    draft.lists[name]
      .filter((row) => !isBlank(name, row))
      .map((row, i) => {
        fieldOf.set(`${name}.${i}`, row.id);
        return read(row, `${name}.${i}`);
      });
  const v = (row: Row, key: string, path: string) =>
    text(row.values[key], `${path}.${key}`, rowFieldId(row, key));
  const n = (row: Row, key: string, path: string) =>
    number(row.values[key] ?? '', `${path}.${key}`, rowFieldId(row, key));

  input.notes = rows('notes', (row, path) => {
    fieldOf.set(path, rowFieldId(row, 'text'));
    return (row.values.text ?? '').trim();
  });
  input.labs = rows('labs', (row, path) => {
    const lab: Record<string, unknown> = {};
    const name = v(row, 'name', path);
    if (name === undefined) set(lab, 'loinc', v(row, 'loinc', path));
    set(lab, 'name', name);
    const raw = row.values.value ?? '';
    const numeric = /^\s*[-+]?\d+([.,]\d+)?\s*$/.test(raw);
    set(lab, 'value', numeric ? n(row, 'value', path) : v(row, 'value', path));
    set(lab, 'unit', v(row, 'unit', path));
    set(lab, 'date', v(row, 'date', path));
    return lab;
  });
  input.antibodies = rows('antibodies', (row, path) => {
    const ab: Record<string, unknown> = {};
    set(ab, 'name', v(row, 'name', path));
    set(ab, 'result', v(row, 'result', path));
    set(ab, 'specimen', v(row, 'specimen', path));
    set(ab, 'method', v(row, 'method', path));
    set(ab, 'titre', v(row, 'titre', path));
    return ab;
  });
  input.knownCancers = rows('knownCancers', (row, path) => ({ text: v(row, 'text', path) ?? '' }));
  const medication = (row: Row, path: string) => {
    const m: Record<string, unknown> = {};
    const name = v(row, 'name', path);
    if (name === undefined) set(m, 'rxnorm', v(row, 'rxnorm', path));
    set(m, 'name', name);
    set(m, 'dose', n(row, 'dose', path));
    set(m, 'unit', v(row, 'unit', path));
    set(m, 'frequency', v(row, 'frequency', path));
    set(m, 'perDay', n(row, 'perDay', path));
    set(m, 'route', v(row, 'route', path));
    return m;
  };
  input.medications = rows('medications', medication);
  input.plan = rows('plan', medication);
  input.remedies = rows('remedies', (row, path) => {
    const r: Record<string, unknown> = {};
    set(r, 'name', v(row, 'name', path));
    set(r, 'dose', v(row, 'dose', path));
    return r;
  });
  set(input, 'followUpMonths', number(draft.followUpMonths, 'followUpMonths', 'case-followUpMonths'));

  // Negative tumour searches are the case's screening list: the plan counts repeats from them.
  const searches = rows('negativeSearches', (row, path) => {
    const s: Record<string, unknown> = { result: 'negative' };
    set(s, 'test', v(row, 'test', path.replace('negativeSearches', 'screening')));
    set(s, 'date', v(row, 'date', path.replace('negativeSearches', 'screening')));
    return s;
  });
  for (const i of searches.keys()) {
    const row = fieldOf.get(`negativeSearches.${i}`);
    if (row !== undefined) fieldOf.set(`screening.${i}`, row);
  }
  if (searches.length > 0) input.screening = searches;
  const meta: Record<string, unknown> = { ...(draft.meta ?? {}) };
  delete meta.negativeTumourSearches;
  if (Object.keys(meta).length > 0) input.meta = meta;
  return { input, fieldOf, issues };
}

/** The form element for a case field path: the field itself, else its row, else its section. */
export function elementIdFor(path: string, fieldOf: ReadonlyMap<string, string>): string | undefined {
  const parts = path.split('.');
  for (let i = parts.length; i > 0; i--) {
    const id = fieldOf.get(parts.slice(0, i).join('.'));
    if (id !== undefined) return id;
  }
  return undefined;
}

const str = (x: unknown): string => (x === undefined || x === null ? '' : String(x));
const record = (x: unknown): Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : {};
const array = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);

const KNOWN_KEYS = new Set([
  'id',
  'meta',
  'asOf',
  'patient',
  'findings',
  'notes',
  'labs',
  'antibodies',
  'knownCancers',
  'medications',
  'plan',
  'remedies',
  'followUpMonths',
]);

/** Fill a draft from native case JSON; keys the form does not hold are named in `notLoaded`, never dropped silently. */
export function draftFromCase(json: unknown, fallbackAsOf: string): { draft: Draft; notLoaded: string[] } {
  const c = record(json);
  const draft = emptyDraft(str(c.asOf) || fallbackAsOf);
  const notLoaded = Object.keys(c).filter((k) => !KNOWN_KEYS.has(k));
  if (typeof c.id === 'string') draft.caseId = c.id;
  if (c.meta !== undefined) draft.meta = record(c.meta);
  const p = record(c.patient);
  for (const f of PATIENT_FIELDS) if (f !== 'pregnant') draft.patient[f] = str(p[f]);
  draft.patient.sex ||= 'unknown';
  draft.patient.smoking ||= 'unknown';
  draft.patient.pregnant = p.pregnant === true ? 'yes' : p.pregnant === false ? 'no' : '';
  draft.followUpMonths = str(c.followUpMonths);
  draft.findings = array(c.findings).map((x) => {
    const f = record(x);
    const present = f.present !== false;
    if (typeof f.hpo === 'string') return { id: newId('finding'), hpo: f.hpo, label: f.hpo, present };
    return { id: newId('finding'), text: str(f.text), label: str(f.text), present };
  });
  const rows = (
    name: ListName,
    items: unknown[],
    read: (o: Record<string, unknown>) => Record<string, string>,
  ) => {
    draft.lists[name] = items.map((x) => ({ id: newId(name), values: read(record(x)) }));
  };
  draft.lists.notes = array(c.notes).map((x) => ({ id: newId('notes'), values: { text: str(x) } }));
  rows('labs', array(c.labs), (o) => ({
    name: str(o.name),
    loinc: str(o.loinc),
    value: str(o.value),
    unit: str(o.unit),
    date: str(o.date),
  }));
  rows('antibodies', array(c.antibodies), (o) => ({
    name: str(o.name),
    result: str(o.result) || 'positive',
    specimen: str(o.specimen) || 'unknown',
    method: str(o.method),
    titre: str(o.titre),
  }));
  rows('knownCancers', array(c.knownCancers), (o) => ({ text: str(o.text) }));
  const med = (o: Record<string, unknown>) => ({
    name: str(o.name),
    rxnorm: str(o.rxnorm),
    dose: str(o.dose),
    unit: str(o.unit),
    frequency: str(o.frequency),
    perDay: str(o.perDay),
    route: str(o.route),
  });
  rows('medications', array(c.medications), med);
  rows('plan', array(c.plan), med);
  rows('remedies', array(c.remedies), (o) => ({ name: str(o.name), dose: str(o.dose) }));
  const negative = array(c.screening).filter((x) => record(x).result === 'negative');
  rows('negativeSearches', [...negative, ...array(draft.meta?.negativeTumourSearches)], (o) => ({
    test: str(o.test),
    date: str(o.date),
  }));
  for (const x of array(c.findings))
    if (record(x).onset !== undefined) notLoaded.push('findings: onset dates');
  return { draft, notLoaded: [...new Set(notLoaded)] };
}

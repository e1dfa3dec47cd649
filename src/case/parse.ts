// Native case JSON → normalised Case: validate every field, resolve names to codes, convert units, extract text.
import { z } from 'zod';
import { readHpoId } from '../knowledge/hpo.js';
import type { KnowledgeIndex } from '../knowledge/index.js';
import { normaliseText } from '../knowledge/normalise.js';
import { resolvePreparation } from '../knowledge/preparation.js';
import { extractFindings, splitClauses } from '../text/extract.js';
import { parseTitre, resolveAntibody } from './antibodies.js';
import { resolveLabCandidates } from './labs.js';
import {
  AntibodyInputSchema,
  type Case,
  type CaseAntibody,
  type CaseCancer,
  type CaseFinding,
  CaseInputSchema,
  type CaseIssue,
  type CaseLab,
  type CaseMedication,
  type CaseRemedy,
  FindingInputSchema,
  type Interpretation,
  LabInputSchema,
  MedicationInputSchema,
  type ParseCaseResult,
  RemedyInputSchema,
  ScreeningInputSchema,
  type Unrecognised,
} from './schema.js';
import { parseScreening } from './screening-input.js';
import { readCancerText } from './tumour-text.js';
import { convertToCanonical } from './units.js';

type Input = z.infer<typeof CaseInputSchema>;

const QUALITATIVE: Readonly<Record<string, Interpretation>> = {
  normal: 'normal',
  high: 'high',
  elevated: 'high',
  raised: 'high',
  increased: 'high',
  low: 'low',
  decreased: 'low',
  reduced: 'low',
  positive: 'positive',
  negative: 'negative',
};

interface Ctx {
  index: KnowledgeIndex;
  issues: CaseIssue[];
  unrecognised: Unrecognised[];
}

function parseFindings(input: Input, ctx: Ctx): CaseFinding[] {
  const out: CaseFinding[] = [];
  const readText = (text: string, kind: 'text' | 'note', field: string, reason: string, present: boolean) => {
    const matches = extractFindings(text, ctx.index);
    if (matches.length === 0) ctx.unrecognised.push({ field, value: text, reason });
    for (const m of matches) {
      // An uncertain finding ("possible", "?") is neither present nor absent: it is listed, not used.
      if (m.status === 'uncertain') {
        const label = ctx.index.kb.hpo.labels.get(m.hpo) ?? m.hpo;
        ctx.unrecognised.push({
          field,
          value: text,
          reason: `uncertain finding ${m.hpo} (${label}): not used`,
        });
        continue;
      }
      out.push({
        hpo: m.hpo,
        label: ctx.index.kb.hpo.labels.get(m.hpo) ?? m.hpo,
        present: present && m.present,
        source: { kind, field, quote: m.quote },
      });
    }
  };
  input.findings.forEach((f, i) => {
    if (f.hpo !== undefined) {
      const field = `findings.${i}.hpo`;
      const reading = readHpoId(ctx.index.kb.hpo, f.hpo);
      if (reading.kind === 'unknown') ctx.issues.push({ path: field, message: `unknown HPO id ${f.hpo}` });
      else if (reading.kind === 'obsolete')
        ctx.unrecognised.push({
          field,
          value: f.hpo,
          reason: `obsolete HPO id with no replacement${reading.consider.length > 0 ? ` (consider ${reading.consider.join(', ')})` : ''}: not used`,
        });
      else {
        if (reading.kind === 'replaced')
          ctx.unrecognised.push({
            field,
            value: f.hpo,
            reason: `obsolete HPO id: read as its replacement ${reading.id} (${reading.label})`,
          });
        out.push({
          hpo: reading.id,
          label: reading.label,
          present: f.present,
          source: { kind: 'coded', field },
        });
      }
      return;
    }
    // An explicit present:false negates the whole text; otherwise the text's own negation decides.
    readText(f.text ?? '', 'text', `findings.${i}.text`, 'no HPO term found in this text', f.present);
  });
  input.notes.forEach((note, i) => {
    for (const clause of splitClauses(note))
      readText(clause, 'note', `notes.${i}`, 'no finding recognised in this sentence', true);
  });
  return out;
}

function parseLabs(input: Input, ctx: Ctx): CaseLab[] {
  const out: CaseLab[] = [];
  input.labs.forEach((l, i) => {
    const field = `labs.${i}`;
    const candidates = resolveLabCandidates(l, ctx.index);
    // A unit that fits only a later candidate picks it ("urine protein" in g/24 h is the 24-hour test).
    const { value, unit } = l;
    const lab =
      (typeof value === 'number' && unit !== undefined
        ? candidates.find((c) => convertToCanonical(c, value, unit).ok)
        : undefined) ?? candidates[0];
    const original =
      `${l.loinc ?? l.name ?? ''} ${l.value}${l.unit === undefined ? '' : ` ${l.unit}`}`.trim();
    if (lab === undefined) {
      ctx.unrecognised.push({
        field,
        value: original,
        reason:
          l.loinc !== undefined ? `LOINC ${l.loinc} is not in the lab catalogue` : 'lab name not recognised',
      });
      return;
    }
    // Literals with every field, not spreads of a shared part: one shape for every lab (see Case).
    const labOf = (
      value: number | undefined,
      unit: string | undefined,
      qualitative: Interpretation | undefined,
    ) => ({
      labId: lab.id,
      loinc: lab.code.code,
      name: lab.name,
      field,
      value,
      unit,
      qualitative,
      original,
    });
    if (typeof l.value === 'string') {
      const qualitative = QUALITATIVE[l.value.toLowerCase()];
      if (qualitative === undefined) {
        const asNumber = Number(l.value);
        if (Number.isFinite(asNumber) && l.value.trim() !== '') {
          ctx.issues.push({
            path: `${field}.value`,
            message: 'a numeric value must be a JSON number, not a string',
          });
        } else {
          ctx.issues.push({
            path: `${field}.value`,
            message: `"${l.value}" is not a number or one of ${Object.keys(QUALITATIVE).join(', ')}`,
          });
        }
        return;
      }
      out.push(labOf(undefined, undefined, qualitative));
      return;
    }
    if (l.unit === undefined) {
      ctx.issues.push({
        path: `${field}.unit`,
        message: `a numeric ${lab.name} needs a UCUM unit (e.g. ${lab.unit})`,
      });
      return;
    }
    const converted = convertToCanonical(lab, l.value, l.unit);
    if (!converted.ok) {
      ctx.issues.push({
        path: `${field}.unit`,
        message: `${converted.reason} (${lab.name}, expected e.g. ${lab.unit})`,
      });
      return;
    }
    out.push(labOf(converted.value, converted.unit, undefined));
  });
  return out;
}

function parseAntibodies(input: Input, ctx: Ctx): CaseAntibody[] {
  const out: CaseAntibody[] = [];
  input.antibodies.forEach((a, i) => {
    const field = `antibodies.${i}`;
    const found = resolveAntibody(a.name, ctx.index);
    if (found === undefined) {
      ctx.unrecognised.push({
        field: `${field}.name`,
        value: a.name,
        reason: 'antibody not in the catalogue',
      });
      return;
    }
    const titre = a.titre === undefined ? undefined : parseTitre(a.titre);
    if (a.titre !== undefined && titre === undefined)
      ctx.unrecognised.push({
        field: `${field}.titre`,
        value: a.titre,
        reason: 'titre not read as a dilution (1:640) or a value with a unit; kept as written',
      });
    out.push({
      antibodyId: found.id,
      name: found.name,
      field,
      result: a.result,
      specimen: a.specimen,
      ...(a.method === undefined ? {} : { method: a.method }),
      ...(a.titre === undefined ? {} : { titre: a.titre }),
      ...(titre === undefined ? {} : { titreValue: titre }),
    });
  });
  return out;
}

function parseCancers(input: Input, ctx: Ctx): CaseCancer[] {
  return input.knownCancers.map((c, i) => {
    const field = `knownCancers.${i}.text`;
    const reading = readCancerText(c.text, ctx.index);
    if (reading.kind === 'unrecognised') {
      ctx.unrecognised.push({ field, value: c.text, reason: reading.reason });
      return { text: c.text, field, tumourId: undefined, status: undefined };
    }
    // A suspected tumour is read but not found: the engine lists it and does not score it.
    if (reading.status === 'suspected')
      ctx.unrecognised.push({
        field,
        value: c.text,
        reason: `suspected ${reading.tumourId}, not confirmed: not counted as a found tumour`,
      });
    return { text: c.text, field, tumourId: reading.tumourId, status: reading.status };
  });
}

function parseMedications(input: Input, ctx: Ctx, key: 'medications' | 'plan'): CaseMedication[] {
  const out: CaseMedication[] = [];
  input[key].forEach((m, i) => {
    const field = `${key}.${i}`;
    const drug =
      (m.rxnorm !== undefined ? ctx.index.drugByRxnorm.get(m.rxnorm) : undefined) ??
      (m.name !== undefined ? ctx.index.drugByName.get(normaliseText(m.name)) : undefined);
    if (drug === undefined) {
      ctx.unrecognised.push({
        field,
        value: m.name ?? `RxNorm ${m.rxnorm}`,
        reason: 'drug not in the catalogue',
      });
      return;
    }
    out.push({
      drugId: drug.id,
      name: drug.name,
      field,
      ...(m.dose === undefined ? {} : { dose: m.dose }),
      ...(m.unit === undefined ? {} : { unit: m.unit }),
      ...(m.frequency === undefined ? {} : { frequency: m.frequency }),
      ...(m.perDay === undefined ? {} : { perDay: m.perDay }),
      ...(m.route === undefined ? {} : { route: m.route }),
    });
  });
  return out;
}

function parseRemedies(input: Input, ctx: Ctx): CaseRemedy[] {
  const out: CaseRemedy[] = [];
  input.remedies.forEach((r, i) => {
    const field = `remedies.${i}.name`;
    const text = ` ${normaliseText(r.name)} `;
    const remedy =
      ctx.index.remedyByName.get(normaliseText(r.name)) ??
      [...ctx.index.remedyByName]
        .sort((a, b) => b[0].length - a[0].length)
        .find(([name]) => text.includes(` ${name} `))?.[1];
    if (remedy === undefined) {
      ctx.unrecognised.push({ field, value: r.name, reason: 'remedy not in the catalogue' });
      return;
    }
    const prep = resolvePreparation(remedy, r.name, r.preparation);
    if (prep.kind === 'uncatalogued')
      ctx.unrecognised.push({
        field: r.preparation === undefined ? field : `remedies.${i}.preparation`,
        value: prep.form,
        reason: `preparation not catalogued for ${remedy.name}: its solvent (e.g. alcohol) is unknown`,
      });
    out.push({
      remedyId: remedy.id,
      name: remedy.name,
      field,
      as: r.name,
      preparation: prep.kind === 'known' ? prep.preparation.form : undefined,
    });
  });
  return out;
}

const LIST_SCHEMAS = {
  findings: FindingInputSchema,
  notes: z.string(),
  labs: LabInputSchema,
  antibodies: AntibodyInputSchema,
  knownCancers: z.strictObject({ text: z.string().trim().min(1) }),
  screening: ScreeningInputSchema,
  medications: MedicationInputSchema,
  plan: MedicationInputSchema,
  remedies: RemedyInputSchema,
} as const;

/**
 * The case's lists with only the items that validate, each at its original index (the others are holes, which
 * forEach and map skip), so resolution issues keep their field paths.
 */
function salvageLists(raw: unknown): Input {
  const source = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const lists: Record<string, unknown[]> = {};
  for (const [key, schema] of Object.entries(LIST_SCHEMAS)) {
    const items = source[key];
    const kept: unknown[] = Array.isArray(items) ? new Array(items.length) : [];
    if (Array.isArray(items))
      items.forEach((item, i) => {
        const one = schema.safeParse(item);
        if (one.success) kept[i] = one.data;
      });
    lists[key] = kept;
  }
  return lists as unknown as Input;
}

function resolveAll(input: Input, ctx: Ctx): void {
  parseFindings(input, ctx);
  parseLabs(input, ctx);
  parseAntibodies(input, ctx);
  parseCancers(input, ctx);
  parseScreening(input.screening, undefined, ctx.index, ctx.issues, ctx.unrecognised);
  parseMedications(input, ctx, 'medications');
  parseMedications(input, ctx, 'plan');
  parseRemedies(input, ctx);
}

/**
 * Validate native case JSON and normalise it into a Case (codes resolved, units converted, text read).
 *
 * @param raw - parsed JSON as received
 * @param index - the knowledge index (names, codes, units, phrase dictionary)
 * @returns `{ success: true, data }`, or `{ success: false, issues }` with every problem named by its field path
 */
export function parseCase(raw: unknown, index: KnowledgeIndex): ParseCaseResult {
  const parsed = CaseInputSchema.safeParse(raw);
  if (!parsed.success) {
    const schemaIssues = parsed.error.issues.map((i) => ({
      path: i.path.join('.') || '(root)',
      message: i.message,
    }));
    // Resolve the list items that did validate too, so one answer names every problem (an impossible age must not
    // hide an unknown HPO id).
    const resolution: Ctx = { index, issues: [], unrecognised: [] };
    resolveAll(salvageLists(raw), resolution);
    return { success: false, issues: [...schemaIssues, ...resolution.issues] };
  }
  const input = parsed.data;
  const ctx: Ctx = { index, issues: [], unrecognised: [] };
  const findings = parseFindings(input, ctx);
  const labs = parseLabs(input, ctx);
  const antibodies = parseAntibodies(input, ctx);
  const knownCancers = parseCancers(input, ctx);
  const screening = parseScreening(input.screening, input.asOf, ctx.index, ctx.issues, ctx.unrecognised);
  const medications = parseMedications(input, ctx, 'medications');
  const plan = parseMedications(input, ctx, 'plan');
  const remedies = parseRemedies(input, ctx);
  if (ctx.issues.length > 0) return { success: false, issues: ctx.issues };
  // Every field given, undefined when absent: one shape for every case (see Case).
  const data: Case = {
    id: input.id,
    asOf: input.asOf,
    patient: {
      age: input.patient.age,
      sex: input.patient.sex,
      smoking: input.patient.smoking,
      karnofsky: input.patient.karnofsky,
      weightKg: input.patient.weightKg,
      heightCm: input.patient.heightCm,
      pregnant: input.patient.pregnant,
    },
    findings,
    labs,
    antibodies,
    knownCancers,
    screening,
    medications,
    plan,
    remedies,
    followUpMonths: input.followUpMonths,
    unrecognised: ctx.unrecognised,
  };
  return { success: true, data };
}

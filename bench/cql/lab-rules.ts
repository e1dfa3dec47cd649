// The data and both runners of `npm run bench:cql`: seeded synthetic patients as FHIR R4 bundles (one Observation per
// test, canonical units, Paraneo's reference range as referenceRange), the CQL rules run by cql-execution, and
// Paraneo's lab-pattern step (FHIR reader → case parser → lab interpretation → patterns) on the same bundles.
import type { Bundle, BundleEntry, Observation } from '@medplum/fhirtypes';
import cqlfhir from 'cql-exec-fhir';
import cql from 'cql-execution';
import { prng as random } from '../../scripts/prng.js';
import { parseCase } from '../../src/case/parse.js';
import type { CaseInput } from '../../src/case/schema.js';
import { interpretLabs, rangeFor } from '../../src/engine/labs.js';
import { mergeFindings } from '../../src/engine/merge-findings.js';
import { evaluatePatterns } from '../../src/engine/patterns/index.js';
import { fhirToCaseInput } from '../../src/fhir/index.js';
import type { KnowledgeIndex } from '../../src/knowledge/index.js';
import { pnsLabRulesElm, type RuleCodes } from './elm.js';

/** The answers compared, per patient: a rule absent from the case is 'absent'. */
export interface RuleAnswers {
  readonly siad: string;
  readonly calcium: string;
  readonly calciumGrade: string | null;
  readonly correctedCalcium: number | null;
  readonly dic: string;
  readonly dicScore: number | null;
}

const LAB_OF_CODE: Record<keyof RuleCodes, string> = {
  Sodium: 'sodium',
  'Serum osmolality': 'osmolality-serum',
  'Urine osmolality': 'osmolality-urine',
  'Urine sodium': 'sodium-urine',
  Calcium: 'calcium',
  Albumin: 'albumin',
  'Ionised calcium': 'calcium-ionised',
  Platelets: 'platelets',
  'D-dimer': 'd-dimer',
  'Prothrombin time': 'prothrombin-time',
  Fibrinogen: 'fibrinogen',
};

/** Values drawn around each rule's thresholds, in the catalogue's canonical unit. */
const SPREAD: Record<string, readonly [low: number, high: number, digits: number]> = {
  sodium: [118, 145, 0],
  'osmolality-serum': [250, 295, 0],
  'osmolality-urine': [60, 600, 0],
  'sodium-urine': [10, 90, 0],
  calcium: [7.5, 16, 1],
  albumin: [1.8, 4.8, 1],
  'calcium-ionised': [1.0, 1.8, 2],
  platelets: [20, 300, 0],
  'd-dimer': [200, 6000, 0],
  'prothrombin-time': [11, 22, 1],
  fibrinogen: [60, 450, 0],
};

export function ruleCodes(index: KnowledgeIndex): RuleCodes {
  const out = {} as Record<keyof RuleCodes, string>;
  for (const [name, labId] of Object.entries(LAB_OF_CODE) as Array<[keyof RuleCodes, string]>) {
    const lab = index.labById.get(labId);
    if (lab === undefined) throw new Error(`the lab catalogue has no ${labId}`);
    out[name] = lab.code.code;
  }
  return out;
}

/** Synthetic patients, each with a random subset of the rules' tests. */
export function syntheticBundles(index: KnowledgeIndex, count: number, seed: number): Bundle[] {
  const next = random(seed);
  const bundles: Bundle[] = [];
  for (let p = 0; p < count; p++) {
    const sex = next() < 0.5 ? 'female' : 'male';
    const age = 30 + Math.floor(next() * 55);
    const patientId = `p${p}`;
    const entry: BundleEntry[] = [
      {
        resource: {
          resourceType: 'Patient',
          id: patientId,
          gender: sex,
          birthDate: `${2026 - age - 1}-06-15`,
        },
      },
    ];
    for (const labId of Object.values(LAB_OF_CODE)) {
      if (next() < 0.3) continue;
      const lab = index.labById.get(labId);
      const spread = SPREAD[labId];
      if (lab === undefined || spread === undefined) continue;
      const [low, high, digits] = spread;
      const value = Number((low + next() * (high - low)).toFixed(digits));
      const range = rangeFor(lab, sex, age, index);
      const observation: Observation = {
        resourceType: 'Observation',
        id: `${patientId}-${labId}`,
        status: 'final',
        subject: { reference: `Patient/${patientId}` },
        effectiveDateTime: '2026-01-10',
        code: { coding: [{ system: 'http://loinc.org', code: lab.code.code, display: lab.name }] },
        valueQuantity: { value, unit: lab.unit, system: 'http://unitsofmeasure.org', code: lab.unit },
        ...(range?.high === undefined
          ? {}
          : {
              referenceRange: [
                {
                  high: {
                    value: range.high,
                    unit: lab.unit,
                    system: 'http://unitsofmeasure.org',
                    code: lab.unit,
                  },
                },
              ],
            }),
      };
      entry.push({ resource: observation });
    }
    bundles.push({ resourceType: 'Bundle', id: patientId, type: 'collection', entry });
  }
  return bundles;
}

/** The CQL rules, compiled once; `run` executes them over every bundle. */
export function cqlRunner(
  index: KnowledgeIndex,
): (bundles: readonly Bundle[]) => Promise<Map<string, RuleAnswers>> {
  const library = new cql.Library(pnsLabRulesElm(ruleCodes(index)));
  const executor = new cql.Executor(library);
  return async (bundles) => {
    // The package types PatientSource loosely; FHIRv401 is a class at run time.
    const source = new (
      cqlfhir.PatientSource.FHIRv401 as unknown as new () => { loadBundles(b: unknown[]): void }
    )();
    source.loadBundles(bundles as unknown[]);
    const results = (await executor.exec(source as never)) as unknown as {
      patientResults: Record<string, Record<string, unknown>>;
    };
    const out = new Map<string, RuleAnswers>();
    for (const [id, r] of Object.entries(results.patientResults))
      out.set(id, {
        siad: String(r.SIAD),
        calcium: String(r.CalciumResult),
        calciumGrade: (r.CalciumGrade as string | null) ?? null,
        correctedCalcium: (r.CorrectedCa as number | null) ?? null,
        dic: String(r.DicResult),
        dicScore: r.DicResult === 'absent' ? null : ((r.DicKnown as number | null) ?? null),
      });
    return out;
  };
}

/** Paraneo's lab-pattern step on one bundle, from the FHIR reader on. */
export function paraneoRules(bundle: Bundle, index: KnowledgeIndex): RuleAnswers {
  const read = fhirToCaseInput(bundle, { asOf: '2026-01-15' });
  if (read.input === undefined)
    throw new Error(`FHIR reader refused bundle ${bundle.id}: ${JSON.stringify(read.issues)}`);
  return paraneoRulesFromCase(read.input, index);
}

export function paraneoRulesFromCase(input: CaseInput, index: KnowledgeIndex): RuleAnswers {
  const parsed = parseCase(input, index);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
  const c = parsed.data;
  const labs = interpretLabs(c, index);
  const findings = mergeFindings(c, labs.findings, [], []);
  const results = evaluatePatterns(c, labs.results, findings, index).results;
  const get = (id: string) => results.find((r) => r.id === id);
  const calcium = get('corrected-calcium');
  const dic = get('isth-dic');
  return {
    siad: get('siadh')?.result ?? 'absent',
    calcium: calcium?.result ?? 'absent',
    calciumGrade: calcium?.grade ?? null,
    correctedCalcium: typeof calcium?.value === 'number' ? calcium.value : null,
    dic: dic?.result ?? 'absent',
    dicScore: typeof dic?.value === 'number' ? dic.value : null,
  };
}

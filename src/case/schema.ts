// The native case JSON (the input contract every adapter produces) and the normalised Case the engine reads.
import { z } from 'zod';
import type { AntibodyTitre } from './antibodies.js';

const HpoIdSchema = z.string().regex(/^HP:\d{7}$/, 'must be an HPO id like HP:0001250');
const IsoDateSchema = z.iso.date('must be a date in the form YYYY-MM-DD');

export const SexSchema = z.enum(['female', 'male', 'other', 'unknown']);
export const SmokingSchema = z.enum(['current', 'former', 'never', 'unknown']);
export const QualitativeSchema = z.enum([
  'normal',
  'high',
  'low',
  'elevated',
  'raised',
  'increased',
  'decreased',
  'reduced',
  'positive',
  'negative',
]);

export const FindingInputSchema = z
  .strictObject({
    hpo: HpoIdSchema.optional(),
    text: z.string().trim().min(1, 'must not be empty').optional(),
    present: z.boolean().default(true),
    onset: IsoDateSchema.optional(),
  })
  .refine((f) => (f.hpo === undefined) !== (f.text === undefined), {
    message: 'give exactly one of "hpo" or "text"',
  });

export const LabInputSchema = z
  .strictObject({
    loinc: z
      .string()
      .regex(/^\d{1,7}-\d$/, 'must be a LOINC code like 2951-2')
      .optional(),
    name: z.string().trim().min(1, 'must not be empty').optional(),
    value: z.union([z.number().finite(), z.string().trim().min(1)]),
    unit: z.string().trim().min(1).optional(),
    date: IsoDateSchema.optional(),
  })
  .refine((l) => l.loinc !== undefined || l.name !== undefined, { message: 'give "loinc" or "name"' });

export const AntibodyInputSchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty'),
  result: z.enum(['positive', 'negative', 'equivocal']),
  specimen: z.enum(['serum', 'csf', 'serum-and-csf', 'unknown']).default('unknown'),
  method: z
    .enum(['cell-based-assay', 'tissue-ifa', 'line-blot', 'elisa', 'ria', 'western-blot', 'unknown'])
    .optional(),
  titre: z.string().optional(),
});

export const MedicationInputSchema = z
  .strictObject({
    name: z.string().trim().min(1, 'must not be empty').optional(),
    rxnorm: z
      .string()
      .regex(/^\d{1,8}$/, 'must be an RxNorm concept id (digits)')
      .optional(),
    dose: z.number().positive('must be positive').optional(),
    unit: z.enum(['mg', 'g', 'mcg', 'IU', 'mL', 'mg/kg', 'mg/m2', 'g/kg']).optional(),
    frequency: z.string().trim().min(1).optional(),
    /** Doses per day, when known (e.g. 3 for "three times daily"). */
    perDay: z.number().positive().optional(),
    route: z.enum(['oral', 'iv', 'sc', 'im', 'topical', 'procedure']).optional(),
  })
  .refine((m) => m.name !== undefined || m.rxnorm !== undefined, { message: 'give "name" or "rxnorm"' })
  .refine((m) => (m.dose === undefined) === (m.unit === undefined), {
    message: 'give "dose" and "unit" together',
  });

export const RemedyInputSchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty'),
  dose: z.string().optional(),
  /** How it is made (tincture, infusion, capsule…), when the name does not say; decides e.g. alcohol interactions. */
  preparation: z.string().trim().min(1, 'must not be empty').optional(),
});

/** One tumour search already done; only a negative one is evidence (a positive one belongs in knownCancers). */
export const ScreeningInputSchema = z.strictObject({
  test: z.string().trim().min(1, 'must name the test, e.g. "CT chest"'),
  date: IsoDateSchema.optional(),
  result: z.enum(['negative', 'positive', 'indeterminate'], {
    error: 'must be "negative", "positive" or "indeterminate"',
  }),
});

export const CaseInputSchema = z.strictObject({
  id: z.string().optional(),
  /** Free provenance metadata (source, expectations); echoed, never read by the engine. */
  meta: z.record(z.string(), z.unknown()).optional(),
  asOf: IsoDateSchema.optional(),
  patient: z.strictObject({
    age: z.number().min(0, 'age cannot be negative').max(120, 'age above 120 years is not plausible'),
    sex: SexSchema,
    smoking: SmokingSchema.default('unknown'),
    /** Karnofsky performance status (0–100), used by DELTA-P. */
    karnofsky: z.number().int().min(0).max(100).optional(),
    weightKg: z
      .number()
      .min(0.5, 'weight below 0.5 kg is not plausible')
      .max(400, 'weight above 400 kg is not plausible')
      .optional(),
    heightCm: z
      .number()
      .min(30, 'height below 30 cm is not plausible')
      .max(260, 'height above 260 cm is not plausible')
      .optional(),
    pregnant: z.boolean().optional(),
  }),
  /** Treatments the clinician proposes; checked like medications. */
  plan: z.array(MedicationInputSchema).default([]),
  findings: z.array(FindingInputSchema).default([]),
  notes: z.array(z.string()).default([]),
  labs: z.array(LabInputSchema).default([]),
  antibodies: z.array(AntibodyInputSchema).default([]),
  knownCancers: z.array(z.strictObject({ text: z.string().trim().min(1) })).default([]),
  /** Tumour searches already done (e.g. "CT chest", negative, with its date). */
  screening: z.array(ScreeningInputSchema).default([]),
  medications: z.array(MedicationInputSchema).default([]),
  remedies: z.array(RemedyInputSchema).default([]),
  followUpMonths: z.number().min(0, 'cannot be negative').optional(),
});
export type CaseInput = z.input<typeof CaseInputSchema>;

export type Sex = z.infer<typeof SexSchema>;
export type Smoking = z.infer<typeof SmokingSchema>;
export type Interpretation = 'low' | 'normal' | 'high' | 'positive' | 'negative';

/** Where a normalised finding came from, so explanations can quote it. */
export interface FindingSource {
  readonly kind: 'coded' | 'text' | 'note';
  /** Field path in the input, e.g. `findings.1.text` or `notes.0`. */
  readonly field: string;
  /** The words that matched, for text and notes. */
  readonly quote?: string;
}

export interface CaseFinding {
  readonly hpo: string;
  readonly label: string;
  readonly present: boolean;
  readonly source: FindingSource;
}

export interface CaseLab {
  readonly labId: string;
  readonly loinc: string;
  readonly name: string;
  readonly field: string;
  /** Value converted to the lab's canonical unit, or undefined for a qualitative result (parseCase sets all three). */
  readonly value?: number | undefined;
  readonly unit?: string | undefined;
  readonly qualitative?: Interpretation | undefined;
  /** What the input said, for display. */
  readonly original: string;
}

export interface CaseAntibody {
  readonly antibodyId: string;
  readonly name: string;
  readonly field: string;
  readonly result: 'positive' | 'negative' | 'equivocal';
  readonly specimen: 'serum' | 'csf' | 'serum-and-csf' | 'unknown';
  readonly method?: string;
  /** The titre as written, and as read (dilution or value with unit) when it could be. */
  readonly titre?: string;
  readonly titreValue?: AntibodyTitre;
}

export interface CaseCancer {
  readonly text: string;
  readonly field: string;
  /** The catalogue tumour the text names, or undefined when it names none (then it is also in `unrecognised`). */
  readonly tumourId?: string | undefined;
  /** current, history (treated, in remission) or suspected (not a found tumour); undefined when not recognised. */
  readonly status?: 'current' | 'history' | 'suspected' | undefined;
}

export interface CaseMedication {
  readonly drugId: string;
  readonly name: string;
  readonly field: string;
  readonly dose?: number;
  readonly unit?: string;
  readonly frequency?: string;
  readonly perDay?: number;
  readonly route?: string;
}

export interface CaseRemedy {
  readonly remedyId: string;
  readonly name: string;
  readonly field: string;
  readonly as: string;
  /** The catalogued preparation form (tincture, infusion…), or undefined when the case does not say and none is default. */
  readonly preparation: string | undefined;
}

/** A negative tumour search the engine can use: what was done, when, and the catalogued tumours it looked for. */
export interface CaseScreening {
  readonly test: string;
  readonly field: string;
  readonly date: string | undefined;
  readonly result: 'negative';
  /** Catalogued tumours of the regions the test examines, in file order of the tests that matched. */
  readonly tumours: readonly string[];
}

/** An input item Paraneo could not understand (in full or in part); listed in the output, never dropped. */
export interface Unrecognised {
  readonly field: string;
  readonly value: string;
  readonly reason: string;
}

/**
 * One normalised patient picture at a date: the only thing the engine reads. parseCase gives every optional field, set
 * to undefined when absent, so all cases share one shape (reads of cases in many shapes are slow); adapters may omit them.
 */
export interface Case {
  readonly id?: string | undefined;
  readonly asOf?: string | undefined;
  readonly patient: {
    readonly age: number;
    readonly sex: Sex;
    readonly smoking: Smoking;
    readonly karnofsky?: number | undefined;
    readonly weightKg?: number | undefined;
    readonly heightCm?: number | undefined;
    readonly pregnant?: boolean | undefined;
  };
  readonly findings: readonly CaseFinding[];
  readonly labs: readonly CaseLab[];
  readonly antibodies: readonly CaseAntibody[];
  readonly knownCancers: readonly CaseCancer[];
  /** Negative tumour searches, each with the tumours it looked for. */
  readonly screening: readonly CaseScreening[];
  readonly medications: readonly CaseMedication[];
  /** Proposed treatments, checked like medications. */
  readonly plan: readonly CaseMedication[];
  readonly remedies: readonly CaseRemedy[];
  readonly followUpMonths?: number | undefined;
  readonly unrecognised: readonly Unrecognised[];
}

/** A problem with the input, named by its field path (same shape as Zod's issues). */
export interface CaseIssue {
  readonly path: string;
  readonly message: string;
}

export type ParseCaseResult =
  | { readonly success: true; readonly data: Case }
  | { readonly success: false; readonly issues: readonly CaseIssue[] };

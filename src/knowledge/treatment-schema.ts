// Treatment knowledge: drugs (doses, monitoring, contraindications, interactions), remedies (evidence and harms),
// physiotherapy (when allowed), as cited data. Used by the treatment and safety module.
import { z } from 'zod';
import { CodeSchema, EvidenceSchema, IdSchema } from './schema.js';

const Cited = z.array(EvidenceSchema).min(1, 'every clinical statement needs at least one citation');

export const SeveritySchema = z.enum(['contraindicated', 'major', 'moderate', 'minor']);

/** What an interaction or contraindication is with: a drug, a remedy, a syndrome, a finding, a lab state or a patient state. */
export const TargetSchema = z.strictObject({
  drug: IdSchema.optional(),
  remedy: IdSchema.optional(),
  syndrome: IdSchema.optional(),
  finding: IdSchema.optional(),
  /** A lab condition, e.g. { lab: potassium, below: 3.5 } or { lab: tpmt-status, equals: poor }. */
  lab: z
    .strictObject({
      id: IdSchema,
      below: z.number().optional(),
      above: z.number().optional(),
      equals: z.string().optional(),
    })
    .optional(),
  patient: z
    .strictObject({
      pregnant: z.boolean().optional(),
      smoking: z.enum(['current', 'former', 'never']).optional(),
      minAge: z.number().optional(),
      maxAge: z.number().optional(),
      /** Alcohol intake, including alcohol-based tinctures. */
      alcohol: z.boolean().optional(),
    })
    .optional(),
});

export const DoseSchema = z.strictObject({
  id: IdSchema,
  label: z.string(),
  route: z.enum(['oral', 'iv', 'sc', 'im', 'topical', 'procedure']),
  /** How the dose scales: per kg of body weight, per m² of body-surface area, or a fixed amount. */
  per: z.enum(['kg', 'm2', 'fixed']),
  /** Dose range per `period` (per kg or m² when `per` says so), in `unit`. */
  min: z.number().nonnegative(),
  max: z.number().positive(),
  unit: z.enum(['mg', 'g', 'mcg', 'IU', 'mL']),
  period: z.enum(['dose', 'day', 'week', 'cycle', 'course']),
  maxSingle: z.number().positive().optional(),
  maxDaily: z.number().positive().optional(),
  maxCumulative: z.number().positive().optional(),
  /**
   * Most that may be given in one day, per kg or m² as `per` says (fixed: in `unit`), for a course spread over days
   * (IVIG 2 g/kg over 2-5 days: at most 1 g/kg a day). A single administration counts as one day at least.
   */
  maxPerDay: z.number().positive().optional(),
  frequency: z.string().optional(),
  /** Weight band the regimen is for (e.g. amifampridine >= 45 kg). */
  minWeightKg: z.number().optional(),
  maxWeightKg: z.number().optional(),
  note: z.string().optional(),
  evidence: Cited,
});
export type Dose = z.infer<typeof DoseSchema>;

export const DrugSchema = z.strictObject({
  id: IdSchema,
  name: z.string(),
  synonyms: z.array(z.string()).default([]),
  codes: z.array(CodeSchema).default([]),
  drugClass: z.string(),
  roles: z
    .array(z.strictObject({ text: z.string(), syndromes: z.array(IdSchema).default([]), evidence: Cited }))
    .default([]),
  doses: z.array(DoseSchema).default([]),
  renal: z
    .array(
      z.strictObject({
        egfrBelow: z.number(),
        action: z.string(),
        doseFactor: z.number().min(0).max(1).optional(),
        evidence: Cited,
      }),
    )
    .default([]),
  hepatic: z.array(z.strictObject({ action: z.string(), evidence: Cited })).default([]),
  monitoring: z
    .array(z.strictObject({ test: z.string(), lab: IdSchema.optional(), when: z.string(), evidence: Cited }))
    .default([]),
  contraindications: z
    .array(
      z.strictObject({ when: TargetSchema, severity: SeveritySchema, text: z.string(), evidence: Cited }),
    )
    .default([]),
  interactions: z
    .array(
      z.strictObject({
        with: TargetSchema,
        severity: SeveritySchema,
        mechanism: z.string(),
        management: z.string(),
        evidence: Cited,
      }),
    )
    .default([]),
  adverseEffects: z.array(z.strictObject({ text: z.string(), evidence: Cited })).default([]),
  /** Lab patterns the drug can cause (e.g. SIADH), shown as an alternative explanation when the case lists the drug. */
  causesPatterns: z.array(z.strictObject({ pattern: IdSchema, evidence: Cited })).default([]),
});
export type Drug = z.infer<typeof DrugSchema>;

export const EvidenceStatusSchema = z.enum([
  'toxic',
  'harmful-evidence',
  'no-benefit-evidence',
  'no-evidence',
  'effective-for-deficiency',
]);

/** How a remedy is made and taken; the solvent decides interactions such as ethanol with carbamazepine. */
export const PreparationSchema = z.strictObject({
  form: z.enum([
    'tincture',
    'spirit',
    'infusion',
    'decoction',
    'water-extract',
    'juice',
    'capsule',
    'tablet',
    'powder',
    'oil',
    'ointment',
    'raw',
    'globules',
    'injection',
  ]),
  /** Names that mean this preparation of this remedy (e.g. "propolis tincture"); they also resolve to the remedy. */
  synonyms: z.array(z.string()).default([]),
  /** The liquid the remedy is extracted in or dissolved in; ethanol makes the alcohol rules apply. */
  solvent: z.enum(['ethanol', 'water', 'milk', 'oil', 'none']),
  /** Catalogued remedies this preparation contains (a tincture contains alcohol): their interactions apply too. */
  contains: z.array(IdSchema).default([]),
  /** The preparation assumed when the case names the remedy without saying how it is made. */
  default: z.boolean().default(false),
  evidence: Cited,
});
export type Preparation = z.infer<typeof PreparationSchema>;

export const RemedySchema = z.strictObject({
  id: IdSchema,
  name: z.string(),
  /** Every name a patient or the source article may use, Latin names included. */
  synonyms: z.array(z.string()).min(1),
  kind: z.enum(['vitamin', 'supplement', 'folk', 'herb', 'homeopathic']),
  preparations: z.array(PreparationSchema).default([]),
  status: EvidenceStatusSchema,
  /** Never to be taken: poisonous at plausible doses or carcinogenic. */
  toxic: z.boolean().default(false),
  claims: z
    .array(
      z.strictObject({
        claim: z.string(),
        verdict: z.enum(['unsupported', 'refuted', 'harmful', 'supported']),
        evidence: Cited,
      }),
    )
    .default([]),
  hazards: z
    .array(
      z.strictObject({
        text: z.string(),
        severity: z.enum(['life-threatening', 'serious', 'moderate', 'minor']),
        evidence: Cited,
      }),
    )
    .default([]),
  interactions: z
    .array(
      z.strictObject({ with: TargetSchema, severity: SeveritySchema, text: z.string(), evidence: Cited }),
    )
    .default([]),
});
export type Remedy = z.infer<typeof RemedySchema>;

export const PhysioSchema = z.strictObject({
  id: IdSchema,
  name: z.string(),
  synonyms: z.array(z.string()).min(1),
  status: EvidenceStatusSchema,
  /** Conditions that forbid or restrict the modality for this patient, checked in order. */
  rules: z
    .array(
      z.strictObject({
        when: z.enum([
          'over-tumour-site',
          'bone-metastases',
          'thrombocytopenia',
          'thrombosis',
          'pacemaker',
          'pregnancy',
          'photosensitive-skin',
          'hypercalcaemia',
          'always',
        ]),
        /** Threshold for a numeric condition, e.g. platelets below 50 (x 10^9/L). */
        below: z.number().optional(),
        verdict: z.enum(['contraindicated', 'conditional']),
        reason: z.string(),
        evidence: Cited,
      }),
    )
    .default([]),
  note: z.string().optional(),
  evidence: Cited,
});
export type Physio = z.infer<typeof PhysioSchema>;

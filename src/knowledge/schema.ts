// Knowledge-base file schemas: one Zod schema per entity family; the TypeScript types are inferred from them.
import { z } from 'zod';

/** Stable kebab-case slug used as an entity id and as its file name. */
export const IdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case slug (a-z, 0-9, -)');

/** Evidence grade: A guideline/systematic review/RCT, B cohort ≥50, C small series/review/expert, D case reports. */
export const GradeSchema = z.enum(['A', 'B', 'C', 'D']);
export type Grade = z.infer<typeof GradeSchema>;

/** A citation of one reference file, with the grade of the evidence it gives for this statement. */
export const EvidenceSchema = z.strictObject({
  ref: IdSchema,
  grade: GradeSchema,
  supports: z.enum(['SUPPORT', 'REFUTE', 'PARTIAL']).default('SUPPORT'),
  note: z.string().optional(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;
const Cited = z.array(EvidenceSchema).min(1, 'every clinical statement needs at least one citation');

export const CodeSystemSchema = z.enum([
  'HPO',
  'LOINC',
  'SNOMED-CT',
  'ICD-10',
  'ICD-10-CM',
  'ORPHA',
  'RxNorm',
  'UCUM',
]);
/** A coded concept `{system, code, label}`; only codes verified against an authoritative list are recorded. */
export const CodeSchema = z.strictObject({
  system: CodeSystemSchema,
  code: z.string().min(1),
  label: z.string().min(1),
  verified: z.string().optional(),
});
export type Code = z.infer<typeof CodeSchema>;

/**
 * How often something occurs: a proportion 0–1, or an HPO frequency category
 * (obligate 100%, very-frequent 80–99%, frequent 30–79%, occasional 5–29%, very-rare 1–4%), or unknown.
 */
export const FrequencyCategorySchema = z.enum([
  'obligate',
  'very-frequent',
  'frequent',
  'occasional',
  'very-rare',
  'unknown',
]);
export const FrequencySchema = z.union([z.number().min(0).max(1), FrequencyCategorySchema]);
export type Frequency = z.infer<typeof FrequencySchema>;

export const CategorySchema = z.enum([
  'neurological',
  'endocrine',
  'haematological',
  'dermatological',
  'rheumatological',
  'renal',
  'systemic',
]);
export type Category = z.infer<typeof CategorySchema>;

const FrequencyStatement = {
  frequency: FrequencySchema,
  /** The source's own figure in words, e.g. "45% (n = 112)". */
  frequencyNote: z.string().optional(),
  evidence: Cited,
};

export const SyndromeFindingSchema = z.strictObject({ finding: IdSchema, ...FrequencyStatement });
export const SyndromeAntibodySchema = z.strictObject({ antibody: IdSchema, ...FrequencyStatement });
export const SyndromeTumourSchema = z.strictObject({ tumour: IdSchema, ...FrequencyStatement });

/** Demographic prior adjustment: multiply the syndrome's prior odds by `factor` when every condition holds. */
export const DemographicSchema = z.strictObject({
  sex: z.enum(['female', 'male']).optional(),
  minAge: z.number().min(0).optional(),
  maxAge: z.number().min(0).optional(),
  smoking: z.array(z.enum(['current', 'former', 'never'])).optional(),
});
export type Demographic = z.infer<typeof DemographicSchema>;
export const PriorModifierSchema = z.strictObject({
  when: DemographicSchema,
  factor: z.number().positive(),
  reason: z.string(),
  evidence: Cited,
});

export const PnsCarePhenotypeSchema = z.enum([
  'high-risk',
  'intermediate-risk',
  'not-linked',
  'outside-criteria',
]);

/** One test in a work-up: what to order, why, and (for a lab) its catalogue id so the engine can tell if the case has it. */
export const WorkupTestSchema = z.strictObject({
  test: z.string(),
  lab: IdSchema.optional(),
  reason: z.string(),
  /** For tests that find the tumour: which tumours they look for. */
  tumours: z.array(IdSchema).default([]),
  /** For tumour markers: what they cannot do (they never screen an asymptomatic patient). */
  limits: z.string().optional(),
  evidence: Cited,
});
export type WorkupTest = z.infer<typeof WorkupTestSchema>;

export const SyndromeSchema = z.strictObject({
  id: IdSchema,
  name: z.string(),
  synonyms: z.array(z.string()).default([]),
  category: CategorySchema,
  summary: z.string(),
  codes: z.array(CodeSchema).default([]),
  /** Share of patients with this syndrome in whom it is paraneoplastic (cancer-associated). */
  paraneoplasticShare: z.strictObject({
    value: z.number().min(0).max(1),
    note: z.string().optional(),
    evidence: Cited,
  }),
  pnsCarePhenotype: z
    .strictObject({ class: PnsCarePhenotypeSchema, note: z.string().optional(), evidence: Cited })
    .optional(),
  findings: z.array(SyndromeFindingSchema).min(1),
  antibodies: z.array(SyndromeAntibodySchema).default([]),
  tumours: z.array(SyndromeTumourSchema).min(1),
  priorModifiers: z.array(PriorModifierSchema).default([]),
  /**
   * Cited relative risks that raise or lower the chance that this syndrome is paraneoplastic (e.g. dysphagia in
   * dermatomyositis): each applies when its finding is present and/or the patient matches; they multiply the base share.
   */
  shareModifiers: z
    .array(
      z.strictObject({
        finding: IdSchema.optional(),
        when: DemographicSchema.optional(),
        relativeRisk: z.number().positive(),
        reason: z.string(),
        evidence: Cited,
      }),
    )
    .default([]),
  /** What to order next, in order of yield: tests that confirm the syndrome, tests that find its tumour, supported markers. */
  workup: z
    .strictObject({
      confirm: z.array(WorkupTestSchema).default([]),
      findTumour: z.array(WorkupTestSchema).default([]),
      markers: z.array(WorkupTestSchema).default([]),
    })
    .optional(),
  /** How to treat: the tumour first, then immunotherapy and symptomatic drugs (drug ids and dose ids in knowledge/drugs/). */
  treatment: z
    .strictObject({
      tumourFirst: z.strictObject({ text: z.string(), evidence: Cited }),
      immunotherapy: z
        .array(
          z.strictObject({
            drug: IdSchema,
            dose: IdSchema.optional(),
            line: z.enum(['first', 'second', 'maintenance']),
            note: z.string().optional(),
            evidence: Cited,
          }),
        )
        .default([]),
      symptomatic: z
        .array(
          z.strictObject({
            drug: IdSchema.optional(),
            dose: IdSchema.optional(),
            text: z.string(),
            evidence: Cited,
          }),
        )
        .default([]),
    })
    .optional(),
  /** Prognosis notes for a clinician (what the syndrome or its response to tumour treatment means), each cited. */
  prognosis: z.array(z.strictObject({ text: z.string(), evidence: Cited })).default([]),
  /** Relative pre-test weight among syndromes (engineering default 1): how often clinicians meet it. */
  relativePrevalence: z.number().positive().default(1),
});
export type Syndrome = z.infer<typeof SyndromeSchema>;

export const FindingSchema = z.strictObject({
  id: IdSchema,
  code: CodeSchema.refine((c) => c.system === 'HPO', 'a finding is coded in HPO'),
  /** Extra phrases (beyond the HPO label and synonyms) that name this finding in notes. */
  synonyms: z.array(z.string()).default([]),
  /** How common the finding is in patients evaluated for a PNS who do not have one (model category). */
  background: z.enum(['common', 'uncommon', 'rare', 'very-rare']).default('uncommon'),
});
export type Finding = z.infer<typeof FindingSchema>;

export const AntibodySchema = z.strictObject({
  id: IdSchema,
  name: z.string(),
  synonyms: z.array(z.string()).min(1),
  antigen: z.string().optional(),
  antigenLocation: z.enum(['intracellular', 'cell-surface']),
  /** For an umbrella result (VGKC-complex): the specific antibodies it may stand for; a name naming one of them means that one. */
  covers: z.array(IdSchema).default([]),
  /** PNS-Care 2021 laboratory group; not-scored for antibodies outside the criteria. */
  riskGroup: z.strictObject({
    value: z.enum(['high', 'intermediate', 'lower', 'not-scored']),
    note: z.string().optional(),
    evidence: Cited,
  }),
  /** Share of antibody-positive patients who have cancer. */
  cancerShare: z.strictObject({
    value: z.number().min(0).max(1),
    note: z.string().optional(),
    evidence: Cited,
  }),
  tumours: z.array(SyndromeTumourSchema).default([]),
  specimen: z.array(z.enum(['serum', 'csf'])).min(1),
  pitfalls: z.array(z.strictObject({ text: z.string(), evidence: Cited })).default([]),
});
export type Antibody = z.infer<typeof AntibodySchema>;

export const TumourSchema = z.strictObject({
  id: IdSchema,
  name: z.string(),
  synonyms: z.array(z.string()).default([]),
  codes: z.array(CodeSchema).default([]),
  /**
   * Word rules that recognise the tumour in a pathologist's wording ("serous carcinoma of the ovary"): each group needs
   * one of its phrases somewhere in the text, in any order, and no `unless` phrase may appear (src/case/tumour-text.ts).
   */
  recognise: z
    .array(
      z.strictObject({
        all: z.array(z.array(z.string().min(1)).min(1)).min(1),
        unless: z.array(z.string().min(1)).default([]),
      }),
    )
    .default([]),
  /** Sex in which the tumour can occur; `any` when both. */
  sex: z.enum(['any', 'female', 'male']).default('any'),
  /** Tumour-type prior adjustments (e.g. smoking for SCLC, childhood for neuroblastoma). */
  priorModifiers: z.array(PriorModifierSchema).default([]),
  /** How to look for this tumour: first-line and second-line tests (e.g. EFNS 2011 task force for neurological PNS). */
  screening: z
    .strictObject({
      firstLine: z.array(z.string()).min(1),
      secondLine: z.array(z.string()).default([]),
      note: z.string().optional(),
      evidence: Cited,
    })
    .optional(),
  /** Findings that point to this tumour (symptoms, signs or strong risk conditions), graded by how strongly. */
  signs: z
    .array(
      z.strictObject({
        finding: IdSchema,
        strength: z.enum(['strong', 'moderate']),
        note: z.string().optional(),
        evidence: Cited,
      }),
    )
    .default([]),
});
export type Tumour = z.infer<typeof TumourSchema>;

export const RangeSchema = z.strictObject({
  low: z.number().optional(),
  high: z.number().optional(),
  sex: z.enum(['female', 'male']).optional(),
  minAge: z.number().optional(),
  maxAge: z.number().optional(),
});

export const LabSchema = z.strictObject({
  id: IdSchema,
  name: z.string(),
  code: CodeSchema.refine((c) => c.system === 'LOINC', 'a lab test is coded in LOINC'),
  /** Other LOINC codes that mean the same measurement (e.g. the molar twin of a mass code). */
  alternateCodes: z.array(CodeSchema).default([]),
  synonyms: z.array(z.string()).min(1),
  /** Canonical UCUM unit; values are converted to it. */
  unit: z.string(),
  /** Molar mass in g/mol, for mass ↔ substance conversions. */
  molarMass: z.number().positive().optional(),
  /** Equivalent charge per mole, when mEq must convert to mmol (1 for Na, K; 2 for Ca, Mg). */
  charge: z.number().int().positive().optional(),
  referenceRanges: z.array(RangeSchema).default([]),
  rangeEvidence: z.array(EvidenceSchema).default([]),
  /** Finding implied by a value below the range / above the range. */
  lowFinding: IdSchema.optional(),
  highFinding: IdSchema.optional(),
});
export type Lab = z.infer<typeof LabSchema>;

export const ReferenceSchema = z
  .strictObject({
    id: IdSchema,
    authors: z.string(),
    /**
     * Short label shown beside each citation: the first author's surname or the issuing body ("FDA label", "EFNS").
     * Needed when `authors` does not start with a personal name ("Surname Initials"); kb:check refuses placeholders.
     */
    label: z.string().min(1).optional(),
    /** Year of publication; left out (never guessed) when the source does not show it. */
    year: z.number().int().min(1900).max(2100).optional(),
    title: z.string(),
    source: z.string(),
    pmid: z
      .string()
      .regex(/^\d{1,9}$/)
      .optional(),
    doi: z
      .string()
      .regex(/^10\.\d{4,9}\/\S+$/)
      .optional(),
    url: z.url().optional(),
    kind: z.enum([
      'guideline',
      'consensus-criteria',
      'systematic-review',
      'trial',
      'cohort',
      'case-series',
      'case-report',
      'review',
      'drug-label',
      'textbook',
      'vocabulary',
    ]),
    /** How the bibliographic record was checked (what was read, where). */
    verified: z.string(),
    /**
     * What was read: the full text, a part of the source itself, only the abstract, or only a secondary account.
     * Derived from the opening words of `verified` when absent (src/knowledge/reference-read.ts).
     */
    read: z.enum(['full-text', 'part', 'abstract', 'secondary']).optional(),
    usedFor: z.string().optional(),
  })
  .refine((r) => r.pmid ?? r.doi ?? r.url, { message: 'a reference needs a PMID, a DOI or a URL' });
export type Reference = z.infer<typeof ReferenceSchema>;

/** A computable lab pattern: which engine module evaluates it, its cited thresholds, and the findings it may emit. */
export const PatternSchema = z.strictObject({
  id: IdSchema,
  name: z.string(),
  module: IdSchema,
  summary: z.string(),
  /** HPO findings (knowledge/findings ids) the pattern sets present or absent when it is decided. */
  findings: z.array(IdSchema).default([]),
  parameters: z.record(z.string(), z.number()).default({}),
  note: z.string().optional(),
  evidence: Cited,
});
export type Pattern = z.infer<typeof PatternSchema>;

/** Engineering parameters of the likelihood model; every number is documented in the file itself. */
export const ModelSchema = z.strictObject({
  id: z.literal('model'),
  /** When a second syndrome is reported beside the leading one (src/engine/co-occurring.ts). */
  coOccurrence: z
    .strictObject({ minLog10LikelihoodRatio: z.number().positive(), minFindings: z.number().int().min(1) })
    .default({ minLog10LikelihoodRatio: 3, minFindings: 1 }),
  background: z.strictObject({
    common: z.number(),
    uncommon: z.number(),
    rare: z.number(),
    'very-rare': z.number(),
  }),
  frequencyCategories: z.strictObject({
    obligate: z.number(),
    'very-frequent': z.number(),
    frequent: z.number(),
    occasional: z.number(),
    'very-rare': z.number(),
    unknown: z.number(),
  }),
  /** P(finding | syndrome) for a present finding the syndrome does not list (noise floor). */
  unrelatedFindingRate: z.number(),
  /** Prior probability that the picture is explained by none of the catalogued syndromes. */
  noSyndromePrior: z.number().min(0).max(1),
  /** Rate of a positive antibody in patients without the syndrome. */
  antibodyBackground: z.number(),
  /** Floor for P(paraneoplastic | syndrome) when the patient has a known cancer the syndrome is associated with. */
  knownConsistentCancerShare: z.number().min(0).max(1),
  /** Likelihood ratio of a present tumour sign for its tumour, by strength. */
  tumourSignLikelihoodRatio: z.strictObject({ strong: z.number().min(1), moderate: z.number().min(1) }),
  /** Probability given to a tumour that only a sign points to (no syndrome or antibody route), before the sign's ratio. */
  tumourSignBaseline: z.number().min(0).max(1),
  /** How many ranked syndromes and tumours the assessment lists. */
  listLength: z.number().int().positive(),
  /** Which ranked syndromes get a work-up: the first `listFirst`, and any other whose posterior is at least `minScore`. */
  workup: z
    .strictObject({ listFirst: z.number().int().min(1), minScore: z.number().min(0).max(1) })
    .default({ listFirst: 3, minScore: 0.05 }),
  verdict: z.strictObject({ likely: z.number(), possible: z.number() }),
  notes: z.array(z.string()),
});
export type Model = z.infer<typeof ModelSchema>;

const ScoreItemSchema = z.strictObject({
  points: z.number().int(),
  /** Where this value was confirmed (source and passage), or why it is not. */
  confirmed: z.string(),
  /** True when the value was not seen in the primary source; the engine warns whenever it is used. */
  unconfirmed: z.boolean().default(false),
  evidence: Cited,
});
export type ScoreItem = z.infer<typeof ScoreItemSchema>;

/** PNS-Care 2021 (Graus et al.): point table, level bands and the definite-needs-antibody rule, as data. */
export const PnsCareSchema = z.strictObject({
  id: z.literal('pns-care-2021'),
  name: z.string(),
  evidence: Cited,
  clinical: z.strictObject({
    'high-risk': ScoreItemSchema,
    'intermediate-risk': ScoreItemSchema,
    'not-linked': ScoreItemSchema,
  }),
  laboratory: z.strictObject({
    high: ScoreItemSchema,
    intermediate: ScoreItemSchema,
    lower: ScoreItemSchema,
    negative: ScoreItemSchema,
  }),
  cancer: z.strictObject({
    consistent: ScoreItemSchema,
    'inconsistent-antigen-expressed': ScoreItemSchema,
    'not-found-under-cutoff': ScoreItemSchema,
    'not-found-after-cutoff': ScoreItemSchema,
  }),
  followUpCutoffMonths: z.number().positive(),
  levels: z
    .array(
      z.strictObject({
        level: z.enum(['definite', 'probable', 'possible', 'non-pns']),
        min: z.number(),
        confirmed: z.string(),
      }),
    )
    .min(1),
  definiteNeedsAntibody: z.strictObject({ except: z.array(IdSchema), evidence: Cited }),
  /** Share of antibody-positive patients with cancer that defines each antibody risk group (bounds inclusive). */
  antibodyCancerShare: z.strictObject({
    high: z.strictObject({ min: z.number().min(0).max(1) }),
    intermediate: z.strictObject({ min: z.number().min(0).max(1), max: z.number().min(0).max(1) }),
    lower: z.strictObject({ max: z.number().min(0).max(1) }),
    note: z.string().optional(),
    evidence: Cited,
  }),
});
export type PnsCare = z.infer<typeof PnsCareSchema>;

const DeltaPRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('age-at-least'), years: z.number() }),
  z.strictObject({ kind: z.literal('smoking-current') }),
  z.strictObject({
    kind: z.literal('any-finding'),
    findings: z.array(IdSchema).min(1),
    sex: z.enum(['female', 'male']).optional(),
  }),
  z.strictObject({ kind: z.literal('karnofsky-below'), value: z.number() }),
]);
export type DeltaPRule = z.infer<typeof DeltaPRuleSchema>;

/** DELTA-P (Titulaer et al. 2011): items, published SCLC probabilities per score, and the re-screening schedule. */
export const DeltaPSchema = z.strictObject({
  id: z.literal('delta-p'),
  name: z.string(),
  appliesTo: z.array(IdSchema).min(1),
  evidence: Cited,
  window: z.string(),
  items: z
    .array(
      z.strictObject({
        id: IdSchema,
        label: z.string(),
        points: z.number().int(),
        rule: DeltaPRuleSchema,
        note: z.string().optional(),
      }),
    )
    .min(1),
  probabilities: z
    .array(
      z.strictObject({
        source: IdSchema,
        label: z.string(),
        values: z.record(z.string(), z.number().min(0).max(1)),
        note: z.string().optional(),
      }),
    )
    .min(1),
  rescreen: z
    .array(
      z.strictObject({
        minScore: z.number(),
        firstMonths: z.number(),
        everyMonths: z.number(),
        untilMonths: z.number(),
        text: z.string(),
      }),
    )
    .min(1),
  rescreenEvidence: Cited,
});
export type DeltaP = z.infer<typeof DeltaPSchema>;

/** When to repeat a negative tumour search (EFNS 2011 for neurological PNS). */
export const RescreenSchema = z.strictObject({
  id: z.literal('rescreen'),
  rules: z
    .array(
      z.strictObject({
        id: IdSchema,
        appliesTo: z.enum(['neurological']),
        firstMonths: z.number(),
        firstByMonths: z.number(),
        everyMonths: z.number(),
        untilMonths: z.number(),
        text: z.string(),
        evidence: Cited,
      }),
    )
    .min(1),
  /**
   * Tumour searches a case can report under `screening`: word groups that name the test (each group needs one phrase, in
   * any order) and the catalogued tumours it examines for.
   */
  tests: z
    .array(
      z.strictObject({
        id: IdSchema,
        all: z.array(z.array(z.string().min(1)).min(1)).min(1),
        unless: z.array(z.string().min(1)).default([]),
        finds: z.array(IdSchema).min(1),
        evidence: Cited,
      }),
    )
    .default([]),
  /** Why a negative search does, or does not, change the tumour ranking, and the source for it. */
  negativeSearchNote: z.string().optional(),
  negativeSearchEvidence: Cited.default([]),
});
export type Rescreen = z.infer<typeof RescreenSchema>;

/** The sections of the source article, each of which must be accounted for in the coverage map. */
export const SEED_SECTIONS = [
  'definition',
  'epidemiology',
  'causes',
  'risk-factors',
  'pathogenesis',
  'symptoms',
  'symptom-table',
  'neurological',
  'lung-cancer',
  'endocrine',
  'haematological',
  'stages',
  'diagnostics',
  'treatment',
  'drugs',
  'vitamins',
  'physiotherapy',
  'folk-remedies',
  'herbs',
  'homeopathy',
  'forecast',
] as const;

/** Seed-article coverage: every statement of the source article with what is right, and where the knowledge holds it. */
export const SeedCoverageSchema = z.strictObject({
  id: z.literal('seed-coverage'),
  source: z.string(),
  sections: z
    .array(
      z.strictObject({
        section: z.enum(SEED_SECTIONS),
        statements: z
          .array(
            z
              .strictObject({
                claim: z.string().min(1),
                verdict: z.enum(['confirmed', 'partly-correct', 'corrected', 'rejected']),
                correct: z.string().optional(),
                knowledge: z
                  .array(z.string().regex(/^[a-z]+\/[a-z0-9-]+$/, 'must be family/id, e.g. syndromes/siadh'))
                  .default([]),
                evidence: Cited,
              })
              .refine((x) => x.verdict === 'confirmed' || (x.correct ?? '') !== '', {
                message: 'a statement that is not confirmed needs "correct": what is right',
              }),
          )
          .min(1),
      }),
    )
    .min(1),
});
export type SeedCoverage = z.infer<typeof SeedCoverageSchema>;

export const VersionSchema = z.strictObject({
  knowledgeVersion: z.string(),
  date: z.string(),
  vocabularies: z.record(z.string(), z.string()),
});
export type Version = z.infer<typeof VersionSchema>;

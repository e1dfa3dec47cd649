// Blood-count patterns with cited thresholds: erythrocytosis (WHO 2016), eosinophilia, thrombocytosis, thrombocytopenia,
// leukocytosis, neutropenia grades, anaemia (WHO cut-offs), autoimmune haemolysis, and the age/sex-adjusted ESR.
import { type ModuleOutput, Outcome, type PatternContext, type PatternModule, param } from './types.js';

function threshold(
  ctx: PatternContext,
  labId: string,
  test: (v: number) => boolean,
  words: { met: string; notMet: string },
  finding: string,
  grade?: (v: number) => string | undefined,
): ModuleOutput {
  const v = ctx.labs.value(labId);
  if (v === undefined)
    return new Outcome(ctx.labs, 'unknown', `${ctx.index.labById.get(labId)?.name ?? labId} not measured.`);
  const met = test(v);
  return new Outcome(ctx.labs, met ? 'met' : 'not-met', met ? words.met : words.notMet)
    .graded(met && grade ? grade(v) : undefined)
    .valued(v)
    .emitting([{ finding, present: met }]);
}

export const erythrocytosisPattern: PatternModule = {
  id: 'erythrocytosis',
  labs: ['haemoglobin', 'haematocrit', 'erythropoietin'],
  requires: [
    'haemoglobinMaleAbove',
    'haemoglobinFemaleAbove',
    'haematocritMaleAbove',
    'haematocritFemaleAbove',
  ],
  evaluate(ctx, p) {
    const sex = ctx.c.patient.sex;
    const hb = ctx.labs.value('haemoglobin');
    const hct = ctx.labs.value('haematocrit');
    if (hb === undefined && hct === undefined)
      return new Outcome(ctx.labs, 'unknown', 'Neither haemoglobin nor haematocrit given.');
    if (sex !== 'male' && sex !== 'female')
      return new Outcome(ctx.labs, 'unknown', 'The WHO thresholds differ by sex; sex not given.');
    const hbLimit = param(p, sex === 'male' ? 'haemoglobinMaleAbove' : 'haemoglobinFemaleAbove');
    const hctLimit = param(p, sex === 'male' ? 'haematocritMaleAbove' : 'haematocritFemaleAbove');
    const met = (hb !== undefined && hb > hbLimit) || (hct !== undefined && hct > hctLimit);
    if (!met)
      return new Outcome(
        ctx.labs,
        'not-met',
        `No erythrocytosis (haemoglobin > ${hbLimit} g/dL or haematocrit > ${hctLimit}% in a ${sex}).`,
      );
    const epo = ctx.labs.interpretation('erythropoietin');
    const kind =
      epo === undefined
        ? 'measure erythropoietin and JAK2 to separate secondary (tumour EPO) from polycythaemia vera'
        : epo === 'low'
          ? 'low erythropoietin points to polycythaemia vera rather than a tumour'
          : 'erythropoietin raised or inappropriately normal: secondary erythrocytosis - look for a renal, hepatic or other EPO-producing tumour';
    return new Outcome(ctx.labs, 'met', `Erythrocytosis: ${kind}.`)
      .graded(epo === undefined ? undefined : epo === 'low' ? 'EPO low' : 'EPO not suppressed')
      .emitting([{ finding: 'polycythemia', present: true }]);
  },
};

export const eosinophiliaPattern: PatternModule = {
  id: 'eosinophilia',
  labs: ['eosinophils'],
  requires: ['atLeast'],
  evaluate: (ctx, p) =>
    threshold(
      ctx,
      'eosinophils',
      (v) => v >= param(p, 'atLeast'),
      {
        met: `Eosinophilia (≥ ${param(p, 'atLeast')} × 10^9/L): exclude parasites, drugs, allergy and a clonal disorder before calling it paraneoplastic (Hodgkin and T-cell lymphoma, some solid tumours).`,
        notMet: 'No eosinophilia.',
      },
      'eosinophilia',
    ),
};

export const thrombocytosisPattern: PatternModule = {
  id: 'thrombocytosis',
  labs: ['platelets'],
  requires: ['above', 'cancerRiskAbove', 'cancerRiskFromAge'],
  evaluate(ctx, p) {
    const old = ctx.c.patient.age >= param(p, 'cancerRiskFromAge');
    return threshold(
      ctx,
      'platelets',
      (v) => v > (old ? param(p, 'cancerRiskAbove') : param(p, 'above')),
      {
        met: old
          ? `Thrombocytosis above ${param(p, 'cancerRiskAbove')} × 10^9/L at age ${param(p, 'cancerRiskFromAge')} or more: in primary care this carried a 1-year cancer incidence of 11.6% in men and 6.2% in women (lung and colorectal commonest); exclude iron deficiency and inflammation.`
          : `Thrombocytosis (> ${param(p, 'above')} × 10^9/L): reactive causes (iron deficiency, inflammation) come first.`,
        notMet: 'No thrombocytosis.',
      },
      'thrombocytosis',
    );
  },
};

export const thrombocytopeniaPattern: PatternModule = {
  id: 'thrombocytopenia',
  labs: ['platelets'],
  requires: ['below'],
  evaluate: (ctx, p) =>
    threshold(
      ctx,
      'platelets',
      (v) => v < param(p, 'below'),
      {
        met: `Thrombocytopenia (< ${param(p, 'below')} × 10^9/L): immune thrombocytopenia with lymphoproliferative disease is a diagnosis of exclusion (marrow infiltration, DIC, drugs, hypersplenism).`,
        notMet: 'No thrombocytopenia.',
      },
      'thrombocytopenia',
    ),
};

export const leukocytosisPattern: PatternModule = {
  id: 'leukocytosis',
  labs: ['leukocytes'],
  requires: ['above', 'extremeAbove'],
  evaluate: (ctx, p) =>
    threshold(
      ctx,
      'leukocytes',
      (v) => v > param(p, 'above'),
      {
        met: `Leukocytosis (> ${param(p, 'above')} × 10^9/L). Above ${param(p, 'extremeAbove')} × 10^9/L in solid tumours, growth-factor treatment (69%) and infection (15%) were commoner than a paraneoplastic leukaemoid reaction (10%), which marks advanced disease.`,
        notMet: 'No leukocytosis.',
      },
      'leukocytosis',
      (v) => (v > param(p, 'extremeAbove') ? 'extreme' : undefined),
    ),
};

export const neutropeniaPattern: PatternModule = {
  id: 'neutropenia',
  labs: ['neutrophils'],
  requires: ['mildBelow', 'moderateBelow', 'severeBelow'],
  evaluate: (ctx, p) =>
    threshold(
      ctx,
      'neutrophils',
      (v) => v < param(p, 'mildBelow'),
      {
        met: 'Neutropenia: chemotherapy, marrow infiltration and drugs (carbamazepine, azathioprine, cyclophosphamide, metamizole) are far commoner than immune paraneoplastic neutropenia.',
        notMet: 'No neutropenia.',
      },
      'neutropenia',
      (v) => (v < param(p, 'severeBelow') ? 'severe' : v < param(p, 'moderateBelow') ? 'moderate' : 'mild'),
    ),
};

export const anaemiaPattern: PatternModule = {
  id: 'anaemia',
  labs: ['haemoglobin'],
  requires: ['maleBelow', 'femaleBelow'],
  evaluate(ctx, p) {
    const sex = ctx.c.patient.sex;
    if (sex !== 'male' && sex !== 'female') {
      ctx.labs.value('haemoglobin');
      return new Outcome(ctx.labs, 'unknown', 'WHO anaemia cut-offs differ by sex; sex not given.');
    }
    const limit = param(p, sex === 'male' ? 'maleBelow' : 'femaleBelow');
    return threshold(
      ctx,
      'haemoglobin',
      (v) => v < limit,
      {
        met: `Anaemia (haemoglobin < ${limit} g/dL in a ${sex}). Anaemia of cancer is usually normocytic with a low reticulocyte response; microcytosis suggests blood loss, haemolysis or marrow infiltration other causes.`,
        notMet: 'No anaemia.',
      },
      'anemia',
    );
  },
};

export const aihaPattern: PatternModule = {
  id: 'aiha',
  labs: ['haemoglobin', 'direct-antiglobulin-test', 'ldh', 'haptoglobin', 'reticulocytes', 'bilirubin'],
  requires: [],
  evaluate(ctx) {
    const anaemia = ctx.finding('anemia');
    const dat = ctx.labs.interpretation('direct-antiglobulin-test');
    const markers = [
      ['ldh', 'high', 'raised LDH'],
      ['haptoglobin', 'low', 'low haptoglobin'],
      ['reticulocytes', 'high', 'reticulocytosis'],
      ['bilirubin', 'high', 'raised bilirubin'],
    ] as const;
    const haemolysis = markers
      .filter(([id, want]) => ctx.labs.interpretation(id) === want)
      .map(([, , words]) => words);
    if (dat === 'negative' || dat === 'normal')
      return new Outcome(
        ctx.labs,
        'not-met',
        'Direct antiglobulin test negative: not autoimmune haemolysis.',
      ).emitting([{ finding: 'autoimmune-hemolytic-anemia', present: false }]);
    if (anaemia === true && dat === 'positive' && haemolysis.length > 0)
      return new Outcome(
        ctx.labs,
        'met',
        `Anaemia with a positive direct antiglobulin test and haemolysis (${haemolysis.join(', ')}): autoimmune haemolytic anaemia - look for CLL or another B-cell lymphoma.`,
      ).emitting([{ finding: 'autoimmune-hemolytic-anemia', present: true }]);
    return new Outcome(
      ctx.labs,
      'unknown',
      'Needs anaemia, a direct antiglobulin test and at least one haemolysis marker (LDH, haptoglobin, reticulocytes, bilirubin).',
    );
  },
};

export const esrPattern: PatternModule = {
  id: 'esr',
  labs: ['esr'],
  requires: ['maleDivisor', 'femaleAdd'],
  evaluate(ctx, p) {
    const sex = ctx.c.patient.sex;
    const age = ctx.c.patient.age;
    const esr = ctx.labs.value('esr');
    if (esr === undefined) return new Outcome(ctx.labs, 'unknown', 'ESR not measured.');
    if (sex !== 'male' && sex !== 'female')
      return new Outcome(ctx.labs, 'unknown', 'The age-adjusted upper limit differs by sex; sex not given.');
    const limit =
      sex === 'male'
        ? age / param(p, 'maleDivisor')
        : (age + param(p, 'femaleAdd')) / param(p, 'maleDivisor');
    const met = esr > limit;
    return new Outcome(
      ctx.labs,
      met ? 'met' : 'not-met',
      `ESR ${esr} mm/h against an age- and sex-adjusted upper limit of ${limit.toFixed(1)} mm/h${met ? ': raised - nonspecific, it supports a work-up only with other findings.' : '.'}`,
    )
      .valued(esr, 'mm/h')
      .emitting([{ finding: 'elevated-erythrocyte-sedimentation-rate', present: met }]);
  },
};

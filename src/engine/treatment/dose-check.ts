// Dose check of one medication or plan item against the cited regimens of its drug (per kg, per m², or fixed).
import type { Case, CaseMedication } from '../../case/schema.js';
import type { KnowledgeIndex } from '../../knowledge/index.js';
import type { Dose, Drug } from '../../knowledge/treatment-schema.js';
import { citationsFor, mergeCitations } from '../citations.js';
import { round } from '../round.js';
import { bodySurfaceArea, dosesPerDay } from './body.js';
import { egfrCkdEpi2021 } from './egfr.js';
import type { DoseCheck, DoseVerdict } from './types.js';

const UNIT_TO_MG: Readonly<Record<string, number>> = { mg: 1, g: 1000, mcg: 0.001 };

/** Amount in the regimen's unit, or undefined when the units do not convert (e.g. IU against mg). */
function inUnit(value: number, from: string, to: string): number | undefined {
  if (from === to) return value;
  const a = UNIT_TO_MG[from];
  const b = UNIT_TO_MG[to];
  return a === undefined || b === undefined ? undefined : (value * a) / b;
}

interface Evaluation {
  verdict: DoseVerdict;
  amount?: number;
  range?: DoseCheck['range'];
  /** The dose per kg, per m² or as given, in the regimen's unit, when it could be computed. */
  perBasis?: number;
  reasons: string[];
  missing: string[];
}

/** Compare one given dose with one regimen; caps (single, daily, cumulative) are absolute and always checked. */
function evaluate(m: CaseMedication, dose: Dose, c: Case): Evaluation {
  const reasons: string[] = [];
  const missing: string[] = [];
  if (m.dose === undefined || m.unit === undefined)
    return { verdict: 'unknown', reasons, missing: ['dose and unit'] };
  // A dose written per kg or per m² is turned into an absolute amount first.
  let single: number | undefined = m.dose;
  let unit = m.unit;
  if (unit === 'mg/kg' || unit === 'g/kg') {
    if (c.patient.weightKg === undefined) missing.push('weight (patient.weightKg)');
    single = c.patient.weightKg === undefined ? undefined : m.dose * c.patient.weightKg;
    unit = unit === 'mg/kg' ? 'mg' : 'g';
  } else if (unit === 'mg/m2') {
    const bsa = bodySurfaceArea(c.patient.weightKg, c.patient.heightCm);
    if (bsa === undefined) missing.push('weight and height (for body-surface area)');
    single = bsa === undefined ? undefined : m.dose * bsa;
    unit = 'mg';
  }
  const perDay = m.perDay ?? dosesPerDay(m.frequency);
  const singleInUnit = single === undefined ? undefined : inUnit(single, unit, dose.unit);
  if (single !== undefined && singleInUnit === undefined)
    return { verdict: 'unknown', reasons: [`${unit} cannot be compared with ${dose.unit}`], missing };
  // The regimen's basis: per kg or per m² of this patient, or fixed.
  let basis = 1;
  if (dose.per === 'kg') {
    if (c.patient.weightKg === undefined) missing.push('weight (patient.weightKg)');
    basis = c.patient.weightKg ?? Number.NaN;
  } else if (dose.per === 'm2') {
    const bsa = bodySurfaceArea(c.patient.weightKg, c.patient.heightCm);
    if (bsa === undefined) missing.push('weight and height (for body-surface area)');
    basis = bsa ?? Number.NaN;
  }
  const amount =
    singleInUnit === undefined
      ? undefined
      : dose.period === 'day'
        ? perDay === undefined
          ? undefined
          : singleInUnit * perDay
        : singleInUnit;
  if (dose.period === 'day' && perDay === undefined) missing.push('frequency (doses per day)');
  const daily = singleInUnit !== undefined && perDay !== undefined ? singleInUnit * perDay : undefined;
  // Absolute caps first: above any of them is above the maximum, whatever else is unknown.
  if (singleInUnit !== undefined && dose.maxSingle !== undefined && singleInUnit > dose.maxSingle)
    reasons.push(
      `single dose ${round(singleInUnit, 2)} ${dose.unit} is above the maximum single dose ${dose.maxSingle} ${dose.unit}`,
    );
  if (daily !== undefined && dose.maxDaily !== undefined && daily > dose.maxDaily)
    reasons.push(
      `daily dose ${round(daily, 2)} ${dose.unit} is above the maximum daily dose ${dose.maxDaily} ${dose.unit}`,
    );
  if (singleInUnit !== undefined && dose.maxCumulative !== undefined && singleInUnit > dose.maxCumulative)
    reasons.push(
      `dose ${round(singleInUnit, 2)} ${dose.unit} is above the maximum cumulative dose ${dose.maxCumulative} ${dose.unit}`,
    );
  // A course's daily ceiling: one administration is at least one day's amount, more when given several times a day.
  if (singleInUnit !== undefined && dose.maxPerDay !== undefined && !Number.isNaN(basis)) {
    const inOneDay = (singleInUnit * (perDay ?? 1)) / basis;
    const perText = `${dose.unit}${dose.per === 'fixed' ? '' : `/${dose.per}`}`;
    if (inOneDay > dose.maxPerDay + 1e-9)
      reasons.push(
        `${round(inOneDay, 3)} ${perText} in one day is above the maximum of ${dose.maxPerDay} ${perText} per day; a course is divided over days, so order each day's amount`,
      );
  }
  const unitText = `${dose.unit}${dose.per === 'fixed' ? '' : `/${dose.per}`}/${dose.period}`;
  if (reasons.length > 0)
    return {
      verdict: 'above-maximum',
      ...(amount === undefined ? {} : { amount: round(amount, 2) }),
      range: { min: dose.min, max: dose.max, unit: unitText, period: dose.period },
      reasons,
      missing,
    };
  if (amount === undefined || Number.isNaN(basis)) return { verdict: 'unknown', reasons, missing };
  const perBasis = amount / basis;
  const range = { min: dose.min, max: dose.max, unit: unitText, period: dose.period };
  // A hair of rounding slack so 2.5 mg/kg computed from 175 mg at 70 kg is not called above 2.5.
  const eps = 1e-9;
  if (perBasis > dose.max + eps)
    return {
      verdict: 'above-maximum',
      amount: round(amount, 2),
      range,
      perBasis,
      reasons: [`${round(perBasis, 3)} ${unitText} is above the range ${dose.min}-${dose.max}`],
      missing,
    };
  if (perBasis < dose.min - eps)
    return {
      verdict: 'below-range',
      amount: round(amount, 2),
      range,
      perBasis,
      reasons: [`${round(perBasis, 3)} ${unitText} is below the range ${dose.min}-${dose.max}`],
      missing,
    };
  return {
    verdict: 'within-range',
    amount: round(amount, 2),
    range,
    perBasis,
    reasons: [`${round(perBasis, 3)} ${unitText} is within ${dose.min}-${dose.max}`],
    missing,
  };
}

const ORDER: Readonly<Record<DoseVerdict, number>> = {
  'within-range': 0,
  'below-range': 1,
  unknown: 2,
  'above-maximum': 3,
};

function applies(dose: Dose, m: CaseMedication, c: Case): boolean {
  if (m.route !== undefined && dose.route !== m.route) return false;
  const w = c.patient.weightKg;
  if (
    w !== undefined &&
    ((dose.minWeightKg !== undefined && w < dose.minWeightKg) ||
      (dose.maxWeightKg !== undefined && w >= dose.maxWeightKg))
  )
    return false;
  return true;
}

/**
 * Check a medication or plan item against its drug's regimens. The best-fitting regimen is reported; a dose is called
 * within range only if it fits a regimen and breaks no absolute cap of any applicable regimen.
 *
 * @returns the verdict with the regimen, the amount compared, the reasons, what is missing and the monitoring required
 */
export function checkDose(
  m: CaseMedication,
  drug: Drug,
  c: Case,
  index: KnowledgeIndex,
  creatinine?: number,
): DoseCheck {
  const given =
    m.dose === undefined
      ? 'no dose given'
      : `${m.dose} ${m.unit ?? ''}${m.frequency ? ` ${m.frequency}` : ''}${m.route ? ` ${m.route}` : ''}`.trim();
  const candidates = drug.doses.filter((d) => applies(d, m, c));
  const monitoring = drug.monitoring.map((x) => ({
    test: x.test,
    when: x.when,
    citations: citationsFor(x.evidence, index),
  }));
  const base = { field: m.field, drug: drug.id, name: drug.name, given, monitoring };
  if (candidates.length === 0)
    return {
      ...base,
      verdict: 'unknown',
      reasons: [
        drug.doses.length === 0
          ? 'no cited regimen for this drug'
          : 'no cited regimen for this route or weight band',
      ],
      missing: [],
      citations: [],
    };
  const evaluated = candidates.map((d) => ({ d, e: evaluate(m, d, c) }));
  // Any broken absolute cap wins: a dose above a maximum is never reported as acceptable.
  const capBreach = evaluated.find(
    (x) => x.e.verdict === 'above-maximum' && x.e.reasons.some((r) => r.includes('maximum')),
  );
  const best = capBreach ?? [...evaluated].sort((a, b) => ORDER[a.e.verdict] - ORDER[b.e.verdict])[0];
  if (best === undefined) return { ...base, verdict: 'unknown', reasons: [], missing: [], citations: [] };
  const { d, e } = best;
  // Renal rules: eGFR (CKD-EPI 2021) from the case's creatinine; a rule's dose factor lowers the maximum.
  let verdict = e.verdict;
  const reasons = [...e.reasons];
  const missing = [...e.missing];
  const adjustments: Array<{ text: string; citations: ReturnType<typeof citationsFor> }> = [];
  if (drug.renal.length > 0) {
    const egfr =
      creatinine === undefined ? undefined : egfrCkdEpi2021(creatinine, c.patient.age, c.patient.sex);
    if (egfr === undefined) missing.push('renal function (serum creatinine with sex)');
    else
      for (const rule of drug.renal)
        if (egfr < rule.egfrBelow) {
          adjustments.push({
            text: `eGFR ${egfr} mL/min/1.73 m² (below ${rule.egfrBelow}): ${rule.action}`,
            citations: citationsFor(rule.evidence, index),
          });
          const perBasisMax = rule.doseFactor === undefined ? undefined : d.max * rule.doseFactor;
          if (perBasisMax !== undefined && verdict === 'within-range' && e.perBasis !== undefined) {
            if (e.perBasis > perBasisMax + 1e-9) {
              verdict = 'above-maximum';
              reasons.push(
                `above the renally adjusted maximum (${round(perBasisMax, 3)} ${d.unit}${d.per === 'fixed' ? '' : `/${d.per}`}/${d.period})`,
              );
            }
          }
        }
  }
  for (const h of drug.hepatic)
    adjustments.push({ text: `liver: ${h.action}`, citations: citationsFor(h.evidence, index) });
  return {
    ...base,
    regimen: d.label,
    verdict,
    ...(adjustments.length === 0 ? {} : { adjustments }),
    ...(e.amount === undefined ? {} : { amount: e.amount }),
    ...(e.range === undefined ? {} : { range: e.range }),
    reasons,
    missing: [...new Set(missing)],
    citations: mergeCitations([citationsFor(d.evidence, index)]),
  };
}

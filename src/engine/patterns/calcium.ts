// Albumin-corrected calcium (StatPearls, PMID 29494030) and the mechanism of a hypercalcaemia (Stewart, NEJM 2005).
import type { Writable } from '../writable.js';
import { type ModuleOutput, type PatternContext, type PatternModule, param, round } from './types.js';

/** Corrected total calcium in mg/dL, or the measured value when albumin is normal or missing. */
export function correctedCalcium(ctx: PatternContext, p: Readonly<Record<string, number>>) {
  const calcium = ctx.labs.value('calcium');
  if (calcium === undefined) return undefined;
  const albumin = ctx.labs.value('albumin');
  const normal = param(p, 'normalAlbumin');
  // Correction applies only to a low albumin: no adjustment downwards when albumin is at or above normal.
  const corrected =
    albumin !== undefined && albumin < normal ? calcium + param(p, 'factor') * (normal - albumin) : calcium;
  return { calcium, albumin, corrected: round(corrected, 2) };
}

export const correctedCalciumPattern: PatternModule = {
  id: 'corrected-calcium',
  labs: ['calcium', 'calcium-ionised', 'albumin'],
  requires: [
    'normalAlbumin',
    'factor',
    'upperLimit',
    'lowerLimit',
    'ionisedUpperLimit',
    'moderateFrom',
    'severeFrom',
  ],
  evaluate(ctx, p) {
    const ionised = ctx.labs.value('calcium-ionised');
    const total = correctedCalcium(ctx, p);
    if (total === undefined && ionised === undefined)
      return {
        result: 'unknown',
        valuesUsed: ctx.labs.used,
        missing: ctx.labs.missing,
        explanation: 'No calcium given.',
      };
    const high =
      ionised !== undefined
        ? ionised > param(p, 'ionisedUpperLimit')
        : (total?.corrected ?? 0) > param(p, 'upperLimit');
    const low = ionised === undefined && total !== undefined && total.corrected < param(p, 'lowerLimit');
    const corrected = total?.corrected;
    const grade =
      !high || corrected === undefined
        ? undefined
        : corrected >= param(p, 'severeFrom')
          ? 'severe'
          : corrected >= param(p, 'moderateFrom')
            ? 'moderate'
            : 'mild';
    const how =
      ionised !== undefined
        ? `ionised calcium ${ionised} mmol/L decides`
        : total?.albumin !== undefined && total.albumin < param(p, 'normalAlbumin')
          ? `corrected calcium ${corrected} mg/dL (measured ${total.calcium}, albumin ${total.albumin} g/dL)`
          : `calcium ${corrected} mg/dL (albumin ${total?.albumin === undefined ? 'not given, no correction' : 'normal, no correction'})`;
    const out: Writable<ModuleOutput> = {
      result: high ? 'met' : 'not-met',
      valuesUsed: ctx.labs.used,
      missing: ctx.labs.missing.filter((m) => ionised === undefined || !/albumin/i.test(m)),
      explanation: high
        ? `Hypercalcaemia${grade ? `, ${grade}` : ''}: ${how}.`
        : low
          ? `Hypocalcaemia: ${how}.`
          : `No hypercalcaemia: ${how}.`,
      emits: [
        { finding: 'hypercalcemia', present: high },
        { finding: 'hypocalcemia', present: low },
      ],
    };
    // Optional fields added after the literal (a conditional spread inside it is the slow path).
    if (grade !== undefined) out.grade = grade;
    if (corrected !== undefined) {
      out.value = corrected;
      out.unit = 'mg/dL';
    }
    return out;
  },
};

export const hypercalcaemiaMechanismPattern: PatternModule = {
  id: 'hypercalcaemia-mechanism',
  labs: ['calcium', 'calcium-ionised', 'pth', 'pthrp', 'vitamin-d-1-25-oh'],
  requires: [],
  evaluate(ctx) {
    ctx.labs.optional('calcium');
    ctx.labs.optional('calcium-ionised');
    const calcium = ctx.finding('hypercalcemia');
    const pth = ctx.labs.interpretation('pth');
    const pthrp = ctx.labs.interpretation('pthrp');
    const calcitriol = ctx.labs.interpretation('vitamin-d-1-25-oh');
    const base = { valuesUsed: ctx.labs.used, missing: ctx.labs.missing };
    if (calcium !== true)
      return {
        ...base,
        result: calcium === false ? 'not-met' : 'unknown',
        explanation: calcium === false ? 'No hypercalcaemia.' : 'Calcium not known.',
      };
    if (pth === undefined)
      return {
        ...base,
        result: 'unknown',
        explanation: 'Hypercalcaemia without an interpretable PTH: measure intact PTH first.',
      };
    if (pth === 'high')
      return {
        ...base,
        result: 'not-met',
        grade: 'PTH-dependent',
        explanation:
          'PTH is raised with a high calcium: PTH-dependent hypercalcaemia (primary hyperparathyroidism is the usual cause), not humoral hypercalcaemia of malignancy.',
      };
    if (pth === 'normal')
      return {
        ...base,
        result: 'unknown',
        grade: 'PTH not suppressed',
        explanation:
          'A PTH within range is inappropriately normal for a high calcium and argues for PTH-dependent disease; PTHrP is rarely informative here.',
      };
    if (pthrp === 'high')
      return {
        ...base,
        result: 'met',
        grade: 'humoral (PTHrP)',
        explanation:
          'Suppressed PTH with a raised PTHrP: humoral hypercalcaemia of malignancy (PTHrP raises calcium).',
      };
    if (calcitriol === 'high')
      return {
        ...base,
        result: 'not-met',
        grade: 'calcitriol-mediated',
        explanation:
          'Suppressed PTH with a raised 1,25-dihydroxyvitamin D: calcitriol-mediated hypercalcaemia (lymphoma, granulomatous disease).',
      };
    if (pthrp === undefined)
      return {
        ...base,
        result: 'unknown',
        grade: 'PTH-independent',
        explanation:
          'Suppressed PTH: PTH-independent hypercalcaemia; measure PTHrP and 1,25-dihydroxyvitamin D.',
      };
    return {
      ...base,
      result: 'not-met',
      grade: 'PTH-independent, PTHrP not raised',
      explanation:
        'Suppressed PTH without raised PTHrP: local osteolysis (bone metastases, myeloma) or another PTH-independent cause.',
    };
  },
};

export const hypocalcaemiaPattern: PatternModule = {
  id: 'hypocalcaemia',
  labs: ['calcium'],
  requires: ['normalAlbumin', 'factor', 'lowerLimit'],
  evaluate(ctx, p) {
    const total = correctedCalcium(ctx, p);
    const base = { valuesUsed: ctx.labs.used, missing: ctx.labs.missing };
    // No verified lower limit for ionised calcium is held, so only total (corrected) calcium decides.
    if (total === undefined)
      return { ...base, result: 'unknown', explanation: 'Needs total calcium (with albumin).' };
    if (total.corrected >= param(p, 'lowerLimit'))
      return {
        ...base,
        result: 'not-met',
        value: total.corrected,
        unit: 'mg/dL',
        explanation: 'No hypocalcaemia.',
      };
    const pth = ctx.labs.interpretation('pth');
    const mg = ctx.labs.interpretation('magnesium');
    const clue =
      mg === 'low'
        ? 'low magnesium (replace it first: it blunts PTH)'
        : pth === 'high'
          ? 'PTH raised: osteoblastic metastases (prostate, breast), tumour lysis, antiresorptive drugs, renal failure or vitamin D deficiency'
          : pth === 'low' || pth === 'normal'
            ? 'PTH not raised: parathyroid damage (surgery, infiltration) or hypomagnesaemia'
            : 'measure PTH, magnesium and phosphate to find the mechanism';
    return {
      ...base,
      result: 'met',
      value: total.corrected,
      unit: 'mg/dL',
      explanation: `Hypocalcaemia: ${clue}. Medullary thyroid cancer does not usually lower calcium; hypocalcaemia is not a paraneoplastic sign of thyroid cancer.`,
      emits: [{ finding: 'hypocalcemia', present: true }],
    };
  },
};

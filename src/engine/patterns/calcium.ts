// Albumin-corrected calcium (StatPearls, PMID 29494030) and the mechanism of a hypercalcaemia (Stewart, NEJM 2005).
import { Outcome, type PatternContext, type PatternModule, param, round } from './types.js';

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
      return new Outcome(ctx.labs, 'unknown', 'No calcium given.');
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
    const explanation = high
      ? `Hypercalcaemia${grade ? `, ${grade}` : ''}: ${how}.`
      : low
        ? `Hypocalcaemia: ${how}.`
        : `No hypercalcaemia: ${how}.`;
    return new Outcome(ctx.labs, high ? 'met' : 'not-met', explanation)
      .missingOnly(ctx.labs.missing.filter((m) => ionised === undefined || !/albumin/i.test(m)))
      .graded(grade)
      .valued(corrected, corrected === undefined ? undefined : 'mg/dL')
      .emitting([
        { finding: 'hypercalcemia', present: high },
        { finding: 'hypocalcemia', present: low },
      ]);
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
    if (calcium !== true)
      return new Outcome(
        ctx.labs,
        calcium === false ? 'not-met' : 'unknown',
        calcium === false ? 'No hypercalcaemia.' : 'Calcium not known.',
      );
    if (pth === undefined)
      return new Outcome(
        ctx.labs,
        'unknown',
        'Hypercalcaemia without an interpretable PTH: measure intact PTH first.',
      );
    if (pth === 'high')
      return new Outcome(
        ctx.labs,
        'not-met',
        'PTH is raised with a high calcium: PTH-dependent hypercalcaemia (primary hyperparathyroidism is the usual cause), not humoral hypercalcaemia of malignancy.',
      ).graded('PTH-dependent');
    if (pth === 'normal')
      return new Outcome(
        ctx.labs,
        'unknown',
        'A PTH within range is inappropriately normal for a high calcium and argues for PTH-dependent disease; PTHrP is rarely informative here.',
      ).graded('PTH not suppressed');
    if (pthrp === 'high')
      return new Outcome(
        ctx.labs,
        'met',
        'Suppressed PTH with a raised PTHrP: humoral hypercalcaemia of malignancy (PTHrP raises calcium).',
      ).graded('humoral (PTHrP)');
    if (calcitriol === 'high')
      return new Outcome(
        ctx.labs,
        'not-met',
        'Suppressed PTH with a raised 1,25-dihydroxyvitamin D: calcitriol-mediated hypercalcaemia (lymphoma, granulomatous disease).',
      ).graded('calcitriol-mediated');
    if (pthrp === undefined)
      return new Outcome(
        ctx.labs,
        'unknown',
        'Suppressed PTH: PTH-independent hypercalcaemia; measure PTHrP and 1,25-dihydroxyvitamin D.',
      ).graded('PTH-independent');
    return new Outcome(
      ctx.labs,
      'not-met',
      'Suppressed PTH without raised PTHrP: local osteolysis (bone metastases, myeloma) or another PTH-independent cause.',
    ).graded('PTH-independent, PTHrP not raised');
  },
};

export const hypocalcaemiaPattern: PatternModule = {
  id: 'hypocalcaemia',
  labs: ['calcium'],
  requires: ['normalAlbumin', 'factor', 'lowerLimit'],
  evaluate(ctx, p) {
    const total = correctedCalcium(ctx, p);
    // No verified lower limit for ionised calcium is held, so only total (corrected) calcium decides.
    if (total === undefined) return new Outcome(ctx.labs, 'unknown', 'Needs total calcium (with albumin).');
    if (total.corrected >= param(p, 'lowerLimit'))
      return new Outcome(ctx.labs, 'not-met', 'No hypocalcaemia.').valued(total.corrected, 'mg/dL');
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
    return new Outcome(
      ctx.labs,
      'met',
      `Hypocalcaemia: ${clue}. Medullary thyroid cancer does not usually lower calcium; hypocalcaemia is not a paraneoplastic sign of thyroid cancer.`,
    )
      .valued(total.corrected, 'mg/dL')
      .emitting([{ finding: 'hypocalcemia', present: true }]);
  },
};

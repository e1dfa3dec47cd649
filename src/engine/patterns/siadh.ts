// SIAD pattern, European hyponatraemia guideline (Spasovski et al. 2014, PMID 24569125).
import { Outcome, type PatternModule, param } from './types.js';

export const siadhPattern: PatternModule = {
  id: 'siadh',
  labs: ['sodium', 'osmolality-serum', 'osmolality-urine', 'sodium-urine'],
  requires: ['sodiumBelow', 'serumOsmolalityBelow', 'urineOsmolalityAbove', 'urineSodiumAbove'],
  evaluate(ctx, p) {
    const na = ctx.labs.value('sodium');
    const sosm = ctx.labs.value('osmolality-serum');
    const uosm = ctx.labs.value('osmolality-urine');
    const una = ctx.labs.value('sodium-urine');
    const items = [
      {
        itemId: 'hyponatraemia',
        ok: na === undefined ? undefined : na < param(p, 'sodiumBelow'),
        text: `sodium < ${param(p, 'sodiumBelow')} mmol/L`,
      },
      {
        itemId: 'hypotonic',
        ok: sosm === undefined ? undefined : sosm < param(p, 'serumOsmolalityBelow'),
        text: `serum osmolality < ${param(p, 'serumOsmolalityBelow')} mOsm/kg`,
      },
      {
        itemId: 'urine-not-dilute',
        ok: uosm === undefined ? undefined : uosm > param(p, 'urineOsmolalityAbove'),
        text: `urine osmolality > ${param(p, 'urineOsmolalityAbove')} mOsm/kg`,
      },
      {
        itemId: 'natriuresis',
        ok: una === undefined ? undefined : una > param(p, 'urineSodiumAbove'),
        text: `urine sodium > ${param(p, 'urineSodiumAbove')} mmol/L`,
      },
    ];
    const asItems = items.map((i) => ({
      itemId: i.itemId,
      points: null,
      valueUsed: `${i.text}: ${i.ok === undefined ? 'not measured' : i.ok ? 'yes' : 'no'}`,
    }));
    if (items.some((i) => i.ok === false))
      return new Outcome(
        ctx.labs,
        'not-met',
        `Not a SIAD pattern: ${items
          .filter((i) => i.ok === false)
          .map((i) => `not ${i.text}`)
          .join('; ')}.`,
      )
        .itemised(asItems)
        .emitting([{ finding: 'inappropriate-antidiuretic-hormone-secretion', present: false }]);
    const thyroid = ctx.labs.interpretation('tsh');
    const cortisol = ctx.labs.interpretation('cortisol');
    const exclusions = [
      thyroid === undefined ? 'thyroid function (TSH)' : thyroid !== 'normal' ? 'an abnormal TSH' : undefined,
      cortisol === undefined
        ? 'adrenal function (morning cortisol)'
        : cortisol === 'low'
          ? 'a low cortisol'
          : undefined,
      'clinical euvolaemia and recent diuretics',
    ].filter((x): x is string => x !== undefined);
    if (items.some((i) => i.ok === undefined))
      return new Outcome(
        ctx.labs,
        'unknown',
        `Incomplete: ${items
          .filter((i) => i.ok === undefined)
          .map((i) => i.text)
          .join('; ')} not measured.`,
      ).itemised(asItems);
    return new Outcome(
      ctx.labs,
      'met',
      `Hypotonic hyponatraemia with inappropriately concentrated urine and natriuresis: SIAD pattern. Still to exclude: ${exclusions.join(', ')}; drugs such as SSRIs, thiazides and carbamazepine cause the same pattern.`,
    )
      .itemised(asItems)
      .emitting([{ finding: 'inappropriate-antidiuretic-hormone-secretion', present: true }]);
  },
};

// ISTH overt-DIC score (Taylor et al., Thromb Haemost 2001, PMID 11816725): platelets, fibrin marker, PT, fibrinogen.
import type { PatternItem } from './types.js';
import { Outcome, type PatternModule, param } from './types.js';

export const isthDicPattern: PatternModule = {
  id: 'isth-dic',
  labs: ['platelets', 'd-dimer', 'prothrombin-time', 'fibrinogen'],
  requires: [
    'plateletsOneBelow',
    'plateletsTwoBelow',
    'dimerModerateFold',
    'dimerStrongFold',
    'ptOneFrom',
    'ptTwoAbove',
    'fibrinogenBelow',
    'overtFrom',
  ],
  evaluate(ctx, p) {
    const items: PatternItem[] = [];
    const plt = ctx.labs.value('platelets');
    items.push(
      plt === undefined
        ? { itemId: 'platelets', points: null, valueUsed: 'not measured' }
        : {
            itemId: 'platelets',
            points: plt < param(p, 'plateletsTwoBelow') ? 2 : plt < param(p, 'plateletsOneBelow') ? 1 : 0,
            valueUsed: `${plt} × 10^3/uL`,
          },
    );
    const dimer = ctx.labs.get('d-dimer');
    const upper = dimer?.range?.high;
    if (dimer === undefined)
      items.push({ itemId: 'fibrin-marker', points: null, valueUsed: 'D-dimer not measured' });
    else if (dimer.value !== undefined && upper !== undefined) {
      const fold = dimer.value / upper;
      items.push({
        itemId: 'fibrin-marker',
        points: fold > param(p, 'dimerStrongFold') ? 3 : fold >= param(p, 'dimerModerateFold') ? 2 : 0,
        valueUsed: `D-dimer ${dimer.value} ${dimer.unit ?? ''} = ${fold.toFixed(1)} × upper limit ${upper}`,
      });
    } else
      items.push({
        itemId: 'fibrin-marker',
        points: null,
        valueUsed: 'D-dimer given without a numeric value and upper limit',
      });
    const pt = ctx.labs.get('prothrombin-time');
    const ptUpper = pt?.range?.high;
    if (pt?.value !== undefined && ptUpper !== undefined) {
      const over = pt.value - ptUpper;
      items.push({
        itemId: 'prothrombin-time',
        points: over > param(p, 'ptTwoAbove') ? 2 : over >= param(p, 'ptOneFrom') ? 1 : 0,
        valueUsed: `PT ${pt.value} s, ${over.toFixed(1)} s above the upper limit ${ptUpper} s`,
      });
    } else
      items.push({
        itemId: 'prothrombin-time',
        points: null,
        valueUsed: pt === undefined ? 'not measured' : 'no upper reference limit for PT',
      });
    const fib = ctx.labs.value('fibrinogen');
    // Fibrinogen is stored in mg/dL; the score's 1.0 g/L is 100 mg/dL.
    items.push(
      fib === undefined
        ? { itemId: 'fibrinogen', points: null, valueUsed: 'not measured' }
        : {
            itemId: 'fibrinogen',
            points: fib < param(p, 'fibrinogenBelow') ? 1 : 0,
            valueUsed: `${fib} mg/dL`,
          },
    );
    const known = items.reduce((s, i) => s + (i.points ?? 0), 0);
    const maxMissing = items.reduce(
      (s, i) =>
        s +
        (i.points === null
          ? ({ platelets: 2, 'fibrin-marker': 3, 'prothrombin-time': 2, fibrinogen: 1 }[i.itemId] ?? 0)
          : 0),
      0,
    );
    const overt = param(p, 'overtFrom');
    if (known >= overt)
      return new Outcome(
        ctx.labs,
        'met',
        `ISTH score ${known}: compatible with overt DIC when a disorder associated with DIC (such as cancer) is present; repeat daily.`,
      )
        .itemised(items)
        .valued(known)
        .emitting([{ finding: 'disseminated-intravascular-coagulation', present: true }]);
    if (known + maxMissing < overt)
      return new Outcome(
        ctx.labs,
        'not-met',
        `ISTH score ${known}${maxMissing > 0 ? ` (at most ${known + maxMissing})` : ''}: not overt DIC; repeat in 1-2 days if suspected.`,
      )
        .itemised(items)
        .valued(known);
    return new Outcome(
      ctx.labs,
      'unknown',
      `ISTH score ${known} from the items given; up to ${known + maxMissing} once the missing items are measured.`,
    )
      .itemised(items)
      .valued(known);
  },
};

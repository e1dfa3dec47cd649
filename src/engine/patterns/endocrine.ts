// Ectopic ACTH (hypokalaemia with high ACTH and cortisol) and non-islet-cell tumour hypoglycaemia (Cryer et al. 2009).
import { Outcome, type PatternModule, param } from './types.js';

export const ectopicActhPattern: PatternModule = {
  id: 'ectopic-acth',
  labs: ['potassium', 'acth', 'cortisol'],
  requires: ['potassiumBelow'],
  evaluate(ctx, p) {
    const k = ctx.labs.value('potassium');
    const acth = ctx.labs.interpretation('acth');
    const cortisol = ctx.labs.interpretation('cortisol');
    const hypoK = k === undefined ? undefined : k < param(p, 'potassiumBelow');
    if (cortisol === 'normal' || cortisol === 'low' || acth === 'low')
      return new Outcome(
        ctx.labs,
        'not-met',
        acth === 'low'
          ? 'ACTH suppressed: not ACTH-dependent (an adrenal or exogenous cause instead).'
          : 'Cortisol not raised.',
      ).emitting([{ finding: 'secondary-hypercortisolism', present: false }]);
    if (cortisol === 'high' && acth === 'high')
      return new Outcome(
        ctx.labs,
        'met',
        `ACTH-dependent hypercortisolism${hypoK ? ' with hypokalaemia' : ''}: an ectopic ACTH source is suggested${hypoK ? ' (hypokalaemia is far commoner in ectopic than in pituitary disease)' : ''}; confirm with dynamic tests and imaging. No single validated cut-off separates ectopic from pituitary ACTH.`,
      ).emitting([{ finding: 'secondary-hypercortisolism', present: true }]);
    return new Outcome(
      ctx.labs,
      'unknown',
      `Needs cortisol and ACTH with reference ranges${hypoK ? ' (hypokalaemia present)' : ''}: late-night salivary or 24-h urinary cortisol and plasma ACTH.`,
    );
  },
};

export const nicthPattern: PatternModule = {
  id: 'nicth',
  labs: ['glucose', 'insulin', 'c-peptide'],
  requires: ['glucoseBelow', 'insulinBelow', 'cPeptideBelow'],
  evaluate(ctx, p) {
    const glucose = ctx.labs.value('glucose');
    const insulin = ctx.labs.value('insulin');
    const cpeptide = ctx.labs.value('c-peptide');
    if (glucose === undefined)
      return new Outcome(ctx.labs, 'unknown', 'No glucose measured during the episode.');
    if (glucose >= param(p, 'glucoseBelow'))
      return new Outcome(
        ctx.labs,
        'not-met',
        `Glucose ${glucose} mg/dL is not below ${param(p, 'glucoseBelow')} mg/dL.`,
      );
    if (insulin === undefined || cpeptide === undefined)
      return new Outcome(
        ctx.labs,
        'unknown',
        'Hypoglycaemia: measure insulin and C-peptide on the same sample.',
      );
    const suppressed = insulin < param(p, 'insulinBelow') && cpeptide < param(p, 'cPeptideBelow');
    return new Outcome(
      ctx.labs,
      suppressed ? 'met' : 'not-met',
      suppressed
        ? `Hypoglycaemia (${glucose} mg/dL) with suppressed insulin (${insulin} uU/mL) and C-peptide (${cpeptide} ng/mL): not insulin-mediated - consider non-islet-cell tumour hypoglycaemia (IGF-2); the IGF-2:IGF-1 ratio cannot be computed here (no verified LOINC code for IGF-2).`
        : `Insulin ${insulin} uU/mL and C-peptide ${cpeptide} ng/mL are not suppressed: endogenous hyperinsulinism (insulinoma, secretagogues) rather than NICTH.`,
    ).emitting([{ finding: 'hypoinsulinemia', present: suppressed }]);
  },
};

// PNS-Care score, Graus et al. Neurol Neuroimmunol Neuroinflamm 2021 (PMID 34006622): clinical + laboratory + cancer levels.
import type { Case } from '../../case/schema.js';
import type { KnowledgeIndex } from '../../knowledge/index.js';
import type { Antibody, ScoreItem, Syndrome } from '../../knowledge/schema.js';
import type { Citation, Warning } from '../assessment.js';
import { citationsFor, mergeCitations } from '../citations.js';
import { compareIds } from '../compare.js';
import type { SyndromePosterior } from '../rank-syndromes.js';

export type PnsCareLevel = 'definite' | 'probable' | 'possible' | 'non-pns';

/** One level of the score, in the same shape as the criterion: what was used, the points and where they come from. */
export interface PnsCareItem {
  readonly itemId: 'clinical' | 'laboratory' | 'cancer';
  readonly result: string;
  readonly valueUsed: string;
  readonly points: number;
  readonly confirmed: string;
  readonly citations: readonly Citation[];
}

/** An input the score needed but the case did not give, the assumption made, and what would settle it. */
export interface PnsCareUnknown {
  readonly itemId: PnsCareItem['itemId'];
  readonly missing: string;
  readonly assumed: string;
  readonly settle: string;
}

export interface PnsCareResult {
  readonly criterion: 'pns-care-2021';
  readonly phenotype: { readonly syndromeId: string; readonly name: string; readonly class: string };
  readonly items: readonly PnsCareItem[];
  readonly total: number;
  readonly level: PnsCareLevel;
  /** Lowest and highest totals the unknown items could still give. */
  readonly range: { readonly min: number; readonly max: number };
  readonly unknown: readonly PnsCareUnknown[];
  readonly notes: readonly string[];
  readonly citations: readonly Citation[];
}

const RISK_ORDER = { high: 3, intermediate: 2, lower: 1, 'not-scored': 0 } as const;

function item(
  itemId: PnsCareItem['itemId'],
  result: string,
  valueUsed: string,
  score: ScoreItem,
  index: KnowledgeIndex,
): PnsCareItem {
  return {
    itemId,
    result,
    valueUsed,
    points: score.points,
    confirmed: score.confirmed,
    citations: citationsFor(score.evidence, index),
  };
}

function laboratoryLevel(c: Case, index: KnowledgeIndex, unknown: PnsCareUnknown[], notes: string[]) {
  const table = index.kb.criteria.pnsCare.laboratory;
  const positives = c.antibodies
    .filter((a) => a.result === 'positive')
    .map((a) => ({ caseAb: a, antibody: index.antibodyById.get(a.antibodyId) }))
    .filter(
      (x): x is { caseAb: (typeof c.antibodies)[number]; antibody: Antibody } => x.antibody !== undefined,
    )
    .sort(
      (a, b) =>
        RISK_ORDER[b.antibody.riskGroup.value] - RISK_ORDER[a.antibody.riskGroup.value] ||
        compareIds(a.antibody.id, b.antibody.id),
    );
  const best = positives[0];
  if (c.antibodies.length === 0)
    unknown.push({
      itemId: 'laboratory',
      missing: 'no antibody results given',
      assumed: 'scored as antibody-negative (0)',
      settle: 'test a phenotype-directed panel of neural antibodies in serum and CSF',
    });
  if (best === undefined)
    return {
      item: item('laboratory', 'negative', 'no positive antibody', table.negative, index),
      antibody: undefined,
    };
  const risk = best.antibody.riskGroup.value;
  const score = risk === 'high' ? table.high : risk === 'intermediate' ? table.intermediate : table.lower;
  const result = risk === 'not-scored' ? 'lower' : risk;
  if (best.caseAb.method === 'line-blot' && best.antibody.antigenLocation === 'intracellular')
    unknown.push({
      itemId: 'laboratory',
      missing: `${best.antibody.name} seen by line blot only`,
      assumed: 'counted as positive',
      settle: 'confirm by tissue-based indirect immunofluorescence before relying on it',
    });
  if (risk === 'not-scored')
    notes.push(
      `${best.antibody.name} is not one of the criteria's risk-graded antibodies; it scores as lower-risk (0).`,
    );
  return {
    item: item(
      'laboratory',
      result,
      `${best.antibody.name} positive${best.caseAb.titre === undefined ? '' : `, titre ${best.caseAb.titre}`} (${best.caseAb.field}); risk group ${risk}`,
      score,
      index,
    ),
    antibody: risk === 'high' || risk === 'intermediate' ? best.antibody : undefined,
  };
}

function cancerLevel(
  c: Case,
  syndrome: Syndrome,
  antibody: Antibody | undefined,
  index: KnowledgeIndex,
  unknown: PnsCareUnknown[],
  notes: string[],
): PnsCareItem {
  const table = index.kb.criteria.pnsCare.cancer;
  const cutoff = index.kb.criteria.pnsCare.followUpCutoffMonths;
  // Consistent = a tumour with a known association: to the high/intermediate-risk antibody when there is one, otherwise to
  // the phenotype or to any positive antibody (Graus author reply: "well-known epidemiological and antibody associations").
  const fits = new Set<string>(
    antibody !== undefined
      ? antibody.tumours.map((t) => t.tumour)
      : [
          ...syndrome.tumours.map((t) => t.tumour),
          ...c.antibodies
            .filter((a) => a.result === 'positive')
            .flatMap((a) => index.antibodyById.get(a.antibodyId)?.tumours.map((t) => t.tumour) ?? []),
        ],
  );
  // PNS-Care scores a found cancer; a suspected one is reported and left out until confirmed.
  const found = c.knownCancers.filter((k) => k.status !== 'suspected');
  for (const k of c.knownCancers)
    if (k.status === 'suspected')
      notes.push(
        `Suspected cancer "${k.text}" is not scored: PNS-Care counts a tumour once it is found (confirm it by histology).`,
      );
  const consistent = found.find((k) => k.tumourId !== undefined && fits.has(k.tumourId));
  if (consistent !== undefined)
    return item(
      'cancer',
      'consistent',
      `known cancer "${consistent.text}" fits ${antibody ? antibody.name : syndrome.name}`,
      table.consistent,
      index,
    );
  const inconsistent = found[0];
  if (inconsistent !== undefined) {
    notes.push(
      `Known cancer "${inconsistent.text}" is ${inconsistent.tumourId === undefined ? 'of a type not recognised' : 'not consistent with this phenotype or antibody'}: it scores 4 only if shown to express the antigen; the search for a consistent tumour goes on.`,
    );
    unknown.push({
      itemId: 'cancer',
      missing: 'antigen expression by the known tumour',
      assumed: 'not shown (1)',
      settle: 'stain the tumour for the antigen of the antibody found',
    });
    // Author reply: the 2-year cut-off applies principally without a detectable cancer; its worked example scores a newly
    // found non-consistent lymphoma 1 in year 3.
    return item(
      'cancer',
      'inconsistent',
      `known cancer "${inconsistent.text}" not consistent; antigen expression not shown`,
      table['not-found-under-cutoff'],
      index,
    );
  }
  if (c.followUpMonths === undefined) {
    unknown.push({
      itemId: 'cancer',
      missing: 'follow-up duration not given',
      assumed: `scored as < ${cutoff / 12} years (1)`,
      settle: 'give followUpMonths (time since neurological onset, with tumour screening)',
    });
    return item(
      'cancer',
      'not-found-under-cutoff',
      'no cancer found; follow-up not given',
      table['not-found-under-cutoff'],
      index,
    );
  }
  return c.followUpMonths < cutoff
    ? item(
        'cancer',
        'not-found-under-cutoff',
        `no cancer found; follow-up ${c.followUpMonths} months (< ${cutoff})`,
        table['not-found-under-cutoff'],
        index,
      )
    : item(
        'cancer',
        'not-found-after-cutoff',
        `no cancer found; follow-up ${c.followUpMonths} months (≥ ${cutoff})`,
        table['not-found-after-cutoff'],
        index,
      );
}

/**
 * Score one phenotype with PNS-Care 2021 (the caller has checked it is inside the criteria).
 *
 * @param c - the case (antibodies, known cancers, follow-up)
 * @param syndrome - the phenotype, with its PNS-Care class
 * @returns the score with each level's evidence, the unknowns and the warnings it raises
 */
export function scorePnsCare(
  c: Case,
  syndrome: Syndrome,
  phenotype: 'high-risk' | 'intermediate-risk' | 'not-linked',
  index: KnowledgeIndex,
): { result: PnsCareResult; warnings: Warning[] } {
  const criteria = index.kb.criteria.pnsCare;
  const unknown: PnsCareUnknown[] = [];
  const notes: string[] = [];
  const warnings: Warning[] = [];
  const clinical = item('clinical', phenotype, `${syndrome.name}`, criteria.clinical[phenotype], index);
  const lab = laboratoryLevel(c, index, unknown, notes);
  const cancer = cancerLevel(c, syndrome, lab.antibody, index, unknown, notes);
  const items = [clinical, lab.item, cancer];
  const total = items.reduce((sum, x) => sum + x.points, 0);
  const bands = [...criteria.levels].sort((a, b) => b.min - a.min);
  let level: PnsCareLevel = bands.find((b) => total >= b.min)?.level ?? 'non-pns';
  // Abstract: except for opsoclonus-myoclonus, definite needs a high- or intermediate-risk antibody.
  if (
    level === 'definite' &&
    lab.antibody === undefined &&
    !criteria.definiteNeedsAntibody.except.includes(syndrome.id)
  ) {
    level = 'probable';
    notes.push('Capped at probable: a definite diagnosis needs a high- or intermediate-risk antibody.');
  }
  if (lab.item.result === 'intermediate' && criteria.laboratory.intermediate.unconfirmed)
    warnings.push({
      code: 'pns-care-unconfirmed-value',
      message: `PNS-Care: the ${criteria.laboratory.intermediate.points} points for an intermediate-risk antibody were not confirmed against the paper's table (${criteria.laboratory.intermediate.confirmed}).`,
    });
  const labUnknown = c.antibodies.length === 0;
  const cancerUnknown = unknown.some((u) => u.itemId === 'cancer');
  const range = {
    min: total - (cancerUnknown ? cancer.points - criteria.cancer['not-found-after-cutoff'].points : 0),
    max:
      total +
      (labUnknown ? criteria.laboratory.high.points - lab.item.points : 0) +
      (cancer.result === 'consistent' ? 0 : criteria.cancer.consistent.points - cancer.points),
  };
  return {
    result: {
      criterion: 'pns-care-2021',
      phenotype: { syndromeId: syndrome.id, name: syndrome.name, class: phenotype },
      items,
      total,
      level,
      range,
      unknown,
      notes,
      citations: mergeCitations([citationsFor(criteria.evidence, index), ...items.map((x) => x.citations)]),
    },
    warnings,
  };
}

/**
 * Score the top-ranked syndrome with PNS-Care 2021, or say why it cannot be scored.
 *
 * @param c - the case
 * @param ranked - syndrome posteriors, best first
 * @returns the score, or null with the reason as a warning
 */
export function evaluatePnsCare(
  c: Case,
  ranked: readonly SyndromePosterior[],
  index: KnowledgeIndex,
): { result: PnsCareResult | null; warnings: Warning[] } {
  const top = ranked[0]?.syndrome;
  if (top === undefined) return { result: null, warnings: [] };
  if (top.category !== 'neurological')
    return {
      result: null,
      warnings: [
        {
          code: 'pns-care-not-applicable',
          message: `PNS-Care not scored: the top-ranked syndrome (${top.name}) is not neurological.`,
        },
      ],
    };
  const phenotype = top.pnsCarePhenotype?.class;
  if (phenotype === undefined)
    return {
      result: null,
      warnings: [
        {
          code: 'pns-care-class-unknown',
          message: `PNS-Care not scored: the 2021 risk class of ${top.name} could not be confirmed, so it is not guessed.`,
        },
      ],
    };
  if (phenotype === 'outside-criteria')
    return {
      result: null,
      warnings: [
        {
          code: 'pns-care-not-applicable',
          message: `PNS-Care not scored: ${top.name} is outside the 2021 criteria (it has its own diagnostic criteria).`,
        },
      ],
    };
  return scorePnsCare(c, top, phenotype, index);
}

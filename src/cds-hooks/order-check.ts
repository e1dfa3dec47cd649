// order-select and order-sign: the draft medication orders checked against the chart. A problem a draft brings
// (interaction, contraindication, dose above the maximum) becomes a card with a suggestion to remove that draft; a
// draft Paraneo cannot check is named in an info card, never passed silently.
import type { Case, CaseInput } from '../case/schema.js';
import { assess } from '../engine/assess.js';
import type { SafetyFlag } from '../engine/treatment/index.js';
import type { KnowledgeIndex } from '../knowledge/index.js';
import {
  type CardSettings,
  caseLink,
  citationsMd,
  finishCard,
  flagDetail,
  flagSummary,
  overdoseSummary,
  overrideReasons,
  sourceOf,
} from './cards.js';
import type { DraftMedication, NotRead } from './draft-orders.js';
import type { Card } from './schemas.js';

export interface OrderCheckInput {
  readonly case: Case;
  readonly input: CaseInput;
  /** The drafts, in the order they were appended to the case plan. */
  readonly drafts: readonly DraftMedication[];
  /** Index in case.plan of the first draft (the chart's own plan items come before). */
  readonly firstPlanIndex: number;
  readonly notRead: readonly NotRead[];
}

const flagKey = (f: SafetyFlag) => `${f.kind}|${[...f.between].sort().join('|')}|${f.text}`;

const INDICATOR = {
  contraindicated: 'critical',
  major: 'warning',
  moderate: 'warning',
  minor: 'info',
} as const;

function removeSuggestion(drafts: readonly DraftMedication[], names: ReadonlyMap<string, string>) {
  return drafts.map((d) => ({
    label: `Remove the draft order for ${names.get(d.reference) ?? d.reference}`,
    actions: [
      {
        type: 'delete' as const,
        description: `Remove the draft order ${d.reference}`,
        resourceId: d.reference,
      },
    ],
  }));
}

export function orderCards(check: OrderCheckInput, index: KnowledgeIndex, settings: CardSettings): Card[] {
  const c = check.case;
  const withDrafts = assess(c, index);
  const field = (d: number) => `plan.${check.firstPlanIndex + d}`;
  const drafted = new Set(check.drafts.map((_d, i) => field(i)));
  const without = assess({ ...c, plan: c.plan.filter((p) => !drafted.has(p.field)) }, index);
  // Each draft's catalogue name, by the plan field it was parsed into.
  const names = new Map<string, string>();
  const draftOf = new Map<string, DraftMedication>();
  check.drafts.forEach((d, i) => {
    const m = c.plan.find((p) => p.field === field(i));
    if (m !== undefined) {
      names.set(d.reference, m.name);
      draftOf.set(m.name, d);
    }
  });
  const before = new Set(without.treatment.safety.map(flagKey));
  const links = caseLink(settings, check.input);
  const cards: Card[] = [];
  // A flag is the drafts' doing when it is new with them, or when it names a drafted drug.
  for (const f of withDrafts.treatment.safety) {
    const involved = [...draftOf].filter(([name]) => f.between.some((b) => b.split(' + ').includes(name)));
    if (before.has(flagKey(f)) && involved.length === 0) continue;
    const drafts = involved.length > 0 ? involved.map(([, d]) => d) : [...draftOf.values()];
    cards.push(
      finishCard({
        summary: flagSummary(f),
        indicator: INDICATOR[f.severity],
        detail: flagDetail(f),
        source: sourceOf(settings, 'order-check'),
        suggestions: removeSuggestion(drafts, names),
        selectionBehavior: 'at-most-one',
        overrideReasons: overrideReasons(settings),
        links,
      }),
    );
  }
  check.drafts.forEach((d, i) => {
    const dose = withDrafts.treatment.doseChecks.find((x) => x.field === field(i));
    if (dose === undefined) return;
    const notes = d.notes.length > 0 ? ['', ...d.notes.map((n) => `- ${n}`)] : [];
    if (dose.verdict === 'above-maximum')
      cards.push(
        finishCard({
          summary: overdoseSummary(dose),
          indicator: 'critical',
          detail: [
            '',
            ...dose.reasons.map((r) => `- ${r}`),
            ...notes,
            '',
            `Sources: ${citationsMd(dose.citations)}.`,
          ].join('\n'),
          source: sourceOf(settings, 'order-check'),
          suggestions: removeSuggestion([d], names),
          selectionBehavior: 'at-most-one',
          overrideReasons: overrideReasons(settings),
          links,
        }),
      );
    else if (dose.verdict === 'unknown' || d.notes.length > 0)
      cards.push(
        finishCard({
          summary: `${dose.name}: the dose could not be checked`,
          indicator: 'info',
          detail: [
            '',
            ...dose.reasons.map((r) => `- ${r}`),
            ...dose.missing.map((m) => `- missing: ${m}`),
            ...notes,
          ].join('\n'),
          source: sourceOf(settings, 'not-checked'),
          links,
        }),
      );
  });
  const uncatalogued = check.drafts.flatMap((d, i) => {
    const u = c.unrecognised.find((x) => x.field === field(i));
    return u === undefined ? [] : [{ reference: d.reference, label: u.value, reason: u.reason }];
  });
  const notChecked = [...uncatalogued, ...check.notRead];
  if (notChecked.length > 0)
    cards.push(
      finishCard({
        summary: `Not checked by Paraneo: ${notChecked.map((n) => n.label).join(', ')}`,
        indicator: 'info',
        detail: [
          '',
          ...notChecked.map((n) => `- ${n.label} (${n.reference}): ${n.reason}`),
          '',
          'Check these orders by other means.',
        ].join('\n'),
        source: sourceOf(settings, 'not-checked'),
      }),
    );
  return cards;
}

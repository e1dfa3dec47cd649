// Tumour ranking for this patient: syndromes and antibodies point to tumours; sex, age and smoking adjust them.
import type { Case } from '../case/schema.js';
import type { Antibody, KnowledgeIndex } from '../knowledge/index.js';
import type { RankedTumour, TumourReason, Warning } from './assessment.js';
import { citationsFor, mergeCitations } from './citations.js';
import { describeDemographic, matchesDemographic } from './demographics.js';
import { insertionSort } from './insertion-sort.js';
import { relativeTumourShares } from './likelihood.js';
import { MIN_ROUTE_WEIGHT, type SyndromePosterior } from './rank-syndromes.js';
import { round } from './round.js';
import type { TumourSignRatio } from './tumour-signs.js';

const MAX_REASONS = 5;
const pct = (x: number) => `${Math.round(x * 100)}%`;

const NO_ROUTES: readonly Route[] = Object.freeze([]);

type Share = ReturnType<typeof relativeTumourShares>[number];

/** One route from a likely syndrome or a positive antibody to a tumour, with what it adds to the noisy-OR. */
interface Route {
  readonly contribution: number;
  readonly share: Share;
  readonly syndrome?: SyndromePosterior;
  readonly antibody?: Antibody;
}

function describeRoute(r: Route, index: KnowledgeIndex): TumourReason {
  const { share, syndrome: p, antibody } = r;
  if (p !== undefined)
    return {
      reason: `${p.syndrome.name} (probability ${pct(p.posterior)}, paraneoplastic in ${pct(p.paraneoplasticProbability)}); this tumour is ${pct(share.share)} of its associated tumours`,
      citations: citationsFor(share.evidence, index),
      contribution: r.contribution,
    };
  return {
    reason: `${antibody?.name} positive: cancer in ${pct(antibody?.cancerShare.value ?? 0)} of positive patients; this tumour is ${pct(share.share)} of them`,
    citations: mergeCitations([
      citationsFor(antibody?.cancerShare.evidence ?? [], index),
      citationsFor(share.evidence, index),
    ]),
    contribution: r.contribution,
  };
}

/**
 * Rank tumour types: noisy-OR of the routes from each likely syndrome and each positive antibody, then the tumour's
 * demographic modifiers; a tumour impossible for the patient's sex is left out.
 *
 * @returns ranked tumours and warnings about known cancers that do not explain the picture
 */
export function rankTumours(
  c: Case,
  posteriors: readonly SyndromePosterior[],
  index: KnowledgeIndex,
  signs: ReadonlyMap<string, TumourSignRatio>,
): { tumours: RankedTumour[]; warnings: Warning[] } {
  // Routes are kept as data: only the tumours that are listed get their words and citations built.
  const reasons = new Map<string, Route[]>();
  const add = (tumour: string, route: Route) => {
    if (route.contribution <= 0) return;
    const list = reasons.get(tumour);
    if (list === undefined) reasons.set(tumour, [route]);
    else list.push(route);
  };
  for (const p of posteriors) {
    const weight = p.posterior * p.paraneoplasticProbability;
    // Routes below 0.1% cannot move a noisy-OR score visibly.
    if (weight < MIN_ROUTE_WEIGHT) continue;
    for (const share of relativeTumourShares(p.syndrome.tumours, index))
      add(share.tumour, { contribution: weight * share.share, share, syndrome: p });
  }
  for (const a of c.antibodies) {
    if (a.result !== 'positive') continue;
    const antibody = index.antibodyById.get(a.antibodyId);
    if (antibody === undefined) continue;
    for (const share of relativeTumourShares(antibody.tumours, index))
      add(share.tumour, { contribution: antibody.cancerShare.value * share.share, share, antibody });
  }
  const known = new Map<string, string>();
  for (const k of c.knownCancers) if (k.tumourId !== undefined) known.set(k.tumourId, k.text);
  const warnings: Warning[] = [];
  const scored: Array<{
    tumour: (typeof index.kb.tumours)[number];
    score: number;
    routes: readonly Route[];
  }> = [];
  for (const tumour of index.kb.tumours) {
    const routes = reasons.get(tumour.id) ?? NO_ROUTES;
    const knownText = known.size === 0 ? undefined : known.get(tumour.id);
    const sign = signs.size === 0 ? undefined : signs.get(tumour.id);
    if (routes.length === 0 && knownText === undefined && sign === undefined) continue;
    if (tumour.sex !== 'any' && c.patient.sex !== tumour.sex && c.patient.sex !== 'unknown') continue;
    let none = 1;
    for (const r of routes) none *= 1 - Math.min(r.contribution, 0.999);
    let score = 1 - none;
    if (sign !== undefined) {
      const base = score > 0 ? score : index.kb.model.tumourSignBaseline;
      const odds = (base / (1 - base)) * sign.ratio;
      score = odds / (1 + odds);
    }
    for (const m of tumour.priorModifiers) {
      if (!matchesDemographic(m.when, c.patient) || score <= 0) continue;
      const odds = (score / (1 - score)) * m.factor;
      score = odds / (1 + odds);
    }
    if (knownText !== undefined && routes.length === 0)
      warnings.push({
        code: 'known-cancer-inconsistent',
        message: `The known cancer "${knownText}" is not typical of the likely syndromes or antibodies: it does not end the search for the tumours ranked here.`,
      });
    scored.push({ tumour, score, routes });
  }
  insertionSort(scored, (a, b) => a.score > b.score || (a.score === b.score && a.tumour.id < b.tumour.id));
  const ranked: RankedTumour[] = scored
    .slice(0, index.kb.model.listLength)
    .map(({ tumour, score, routes }) => {
      const knownText = known.get(tumour.id);
      // The strongest routes explain a tumour; the rest still count in its score.
      const strongest = insertionSort([...routes], (a, b) => a.contribution > b.contribution);
      const why: TumourReason[] = [];
      for (let i = 0; i < strongest.length && i < MAX_REASONS; i++)
        why.push(describeRoute(strongest[i] as Route, index));
      for (const h of signs.get(tumour.id)?.hits ?? [])
        why.push({
          reason: `${h.label} points to this tumour (${h.strength} sign: odds × ${h.ratio})`,
          contribution: 0,
          citations: h.citations,
        });
      for (const m of tumour.priorModifiers)
        if (matchesDemographic(m.when, c.patient))
          why.push({
            reason: `${m.reason} (${describeDemographic(m.when)}: odds × ${m.factor})`,
            contribution: 0,
            citations: citationsFor(m.evidence, index),
          });
      if (knownText !== undefined)
        why.unshift({
          reason:
            routes.length > 0
              ? `known cancer ("${knownText}") that fits the likely syndromes or antibodies`
              : `known cancer ("${knownText}"), but not one these syndromes or antibodies usually come from`,
          contribution: 0,
          citations: [],
        });
      return {
        id: tumour.id,
        name: tumour.name,
        score: round(score, 4),
        known: knownText !== undefined,
        why,
      };
    });
  return { tumours: ranked, warnings };
}

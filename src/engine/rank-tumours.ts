// Tumour ranking for this patient: syndromes and antibodies point to tumours; sex, age and smoking adjust them.
import type { Case } from '../case/schema.js';
import { derivedKey, type KnowledgeIndex, type Tumour } from '../knowledge/index.js';
import type { Citation, RankedTumour, TumourReason, Warning } from './assessment.js';
import { emptySlots } from './blank-arrays.js';
import { citationsFor, mergeCitations } from './citations.js';
import { describeDemographic, matchesDemographic } from './demographics.js';
import { freezeDeep } from './freeze.js';
import { insertionSort } from './insertion-sort.js';
import { relativeTumourShares } from './likelihood.js';
import { MIN_ROUTE_WEIGHT, type SyndromePosterior } from './rank-syndromes.js';
import { round, roundSignificant } from './round.js';
import { tumourPositions } from './tumour-positions.js';
import type { TumourSignRatio } from './tumour-signs.js';

const MAX_REASONS = 5;
// Percentages as shared strings (0%–100%), so the reasons built per case do not convert numbers each time.
const PERCENT = Array.from({ length: 101 }, (_, k) => `${k}%`);
const pct = (x: number) => PERCENT[Math.round(x * 100)] ?? `${Math.round(x * 100)}%`;

/** A syndrome's link to one tumour, with the fixed words of the reason it gives (built once). */
interface SyndromeLink {
  readonly tumour: number;
  readonly share: number;
  /** The reason reads `${name} (probability …, paraneoplastic in …${tail}`. */
  readonly name: string;
  readonly tail: string;
  readonly citations: readonly Citation[];
}

/** A positive antibody's link to one tumour: its contribution and reason depend on the knowledge alone. */
interface AntibodyLink {
  readonly tumour: number;
  readonly contribution: number;
  readonly reason: TumourReason;
}

interface TumourTable {
  /** By syndrome position in kb.syndromes. */
  readonly bySyndrome: ReadonlyArray<readonly SyndromeLink[]>;
  readonly byAntibody: ReadonlyMap<string, readonly AntibodyLink[]>;
}

const TABLE = derivedKey<TumourTable>('tumour links of every syndrome and antibody');

function buildTable(index: KnowledgeIndex): TumourTable {
  const position = tumourPositions(index);
  const bySyndrome = index.kb.syndromes.map((s) =>
    relativeTumourShares(s.tumours, index).flatMap((t) => {
      const at = position.get(t.tumour);
      return at === undefined
        ? []
        : [
            {
              tumour: at,
              share: t.share,
              name: s.name,
              tail: `); this tumour is ${pct(t.share)} of its associated tumours`,
              citations: citationsFor(t.evidence, index),
            },
          ];
    }),
  );
  const byAntibody = new Map<string, readonly AntibodyLink[]>();
  for (const antibody of index.kb.antibodies) {
    const links: AntibodyLink[] = [];
    for (const t of relativeTumourShares(antibody.tumours, index)) {
      const at = position.get(t.tumour);
      if (at === undefined) continue;
      links.push({
        tumour: at,
        contribution: antibody.cancerShare.value * t.share,
        reason: freezeDeep({
          reason: `${antibody.name} positive: cancer in ${pct(antibody.cancerShare.value)} of positive patients; this tumour is ${pct(t.share)} of them`,
          citations: mergeCitations([
            citationsFor(antibody.cancerShare.evidence, index),
            citationsFor(t.evidence, index),
          ]),
          contribution: roundSignificant(antibody.cancerShare.value * t.share, 4),
        }),
      });
    }
    byAntibody.set(antibody.id, links);
  }
  return { bySyndrome, byAntibody };
}

/** One route from a likely syndrome or a positive antibody to a tumour, with what it adds to the noisy-OR. */
interface Route {
  readonly contribution: number;
  readonly p: SyndromePosterior | undefined;
  readonly link: SyndromeLink | undefined;
  readonly antibody: TumourReason | undefined;
  /** True for the route of a co-occurring syndrome (its probability from the second ranking). */
  readonly second: boolean;
}

function describeRoute(r: Route): TumourReason {
  if (r.antibody !== undefined) return r.antibody;
  const { p, link } = r;
  if (p === undefined || link === undefined)
    throw new Error('a tumour route comes from a syndrome or an antibody');
  return {
    reason: `${r.second ? 'second syndrome beside the leading one: ' : ''}${link.name} (probability ${pct(p.posterior)}${r.second ? ' on the findings the leading syndrome leaves unexplained' : ''}, paraneoplastic in ${pct(p.paraneoplasticProbability)}${link.tail}`,
    citations: link.citations,
    contribution: roundSignificant(r.contribution, 4),
  };
}

/** The reasons that add nothing to the noisy-OR: tumour signs and demographic modifiers. */
function otherReasons(
  tumour: Tumour,
  c: Case,
  signs: TumourSignRatio | undefined,
  index: KnowledgeIndex,
  why: TumourReason[],
): void {
  for (const h of signs?.hits ?? [])
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
}

/**
 * Rank tumour types: noisy-OR of the routes from each likely syndrome and each positive antibody, then the tumour's
 * demographic modifiers; a tumour impossible for the patient's sex is left out. A co-occurring syndrome adds its routes
 * weighted by its own probability (in place of its route as an alternative to the leader, when that one is larger), so a
 * tumour that could cause both rises.
 *
 * @param second - co-occurring syndromes with their posteriors from the second ranking (see findCoOccurring)
 * @returns ranked tumours and warnings about known cancers that do not explain the picture
 */
export function rankTumours(
  c: Case,
  posteriors: readonly SyndromePosterior[],
  index: KnowledgeIndex,
  signs: ReadonlyMap<string, TumourSignRatio>,
  second: readonly SyndromePosterior[] = [],
): { tumours: RankedTumour[]; warnings: Warning[] } {
  const table = index.derived(TABLE, buildTable);
  const tumours = index.kb.tumours;
  // Routes are kept as data, by tumour position: only the tumours that are listed get their words built.
  // Packed slots (see blank-arrays.ts): writing far past the end of an empty array would make it a slow sparse array.
  const routes = emptySlots<Route[]>(tumours.length);
  // The tumours this case touches, so the loop below visits a handful instead of every catalogued tumour.
  const touched: number[] = [];
  const add = (tumour: number, route: Route) => {
    if (route.contribution <= 0) return;
    const list = routes[tumour];
    if (list === undefined) {
      routes[tumour] = [route];
      touched.push(tumour);
    } else list.push(route);
  };
  const addSyndrome = (p: SyndromePosterior, isSecond: boolean) => {
    const weight = p.posterior * p.paraneoplasticProbability;
    // Routes below 0.1% cannot move a noisy-OR score visibly.
    if (weight < MIN_ROUTE_WEIGHT) return;
    for (const link of table.bySyndrome[p.position] ?? [])
      add(link.tumour, { contribution: weight * link.share, p, link, antibody: undefined, second: isSecond });
  };
  const routeWeight = (p: SyndromePosterior) => p.posterior * p.paraneoplasticProbability;
  // One route per syndrome: a co-occurring syndrome counts once, by the larger of its two weights.
  const replaced = new Set<number>();
  for (const s of second) {
    const main = posteriors.find((p) => p.position === s.position);
    if (main === undefined || routeWeight(s) > routeWeight(main)) replaced.add(s.position);
  }
  for (const p of posteriors) if (!replaced.has(p.position)) addSyndrome(p, false);
  for (const s of second) if (replaced.has(s.position)) addSyndrome(s, true);
  for (const a of c.antibodies) {
    if (a.result !== 'positive') continue;
    for (const link of table.byAntibody.get(a.antibodyId) ?? [])
      add(link.tumour, {
        contribution: link.contribution,
        p: undefined,
        link: undefined,
        antibody: link.reason,
        second: false,
      });
  }
  const known = new Map<string, string>();
  // A suspected tumour is not a found one: it stays in the ranking as a tumour still to look for.
  for (const k of c.knownCancers)
    if (k.tumourId !== undefined && k.status !== 'suspected') known.set(k.tumourId, k.text);
  const touch = (id: string) => {
    const at = tumourPositions(index).get(id);
    if (at !== undefined && routes[at] === undefined && !touched.includes(at)) touched.push(at);
  };
  for (const id of known.keys()) touch(id);
  for (const id of signs.keys()) touch(id);
  // File order, so warnings come in the same order whichever route touched a tumour first.
  insertionSort(touched, (a, b) => a < b);
  const warnings: Warning[] = [];
  const scored: Array<{ tumour: Tumour; score: number; routes: Route[] }> = [];
  for (const at of touched) {
    const tumour = tumours[at] as Tumour;
    const list = routes[at] ?? [];
    const knownText = known.size === 0 ? undefined : known.get(tumour.id);
    const sign = signs.size === 0 ? undefined : signs.get(tumour.id);
    if (list.length === 0 && knownText === undefined && sign === undefined) continue;
    if (tumour.sex !== 'any' && c.patient.sex !== tumour.sex && c.patient.sex !== 'unknown') continue;
    let none = 1;
    for (const r of list) none *= 1 - Math.min(r.contribution, 0.999);
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
    if (knownText !== undefined && list.length === 0)
      warnings.push({
        code: 'known-cancer-inconsistent',
        message: `The known cancer "${knownText}" is not typical of the likely syndromes or antibodies: it does not end the search for the tumours ranked here.`,
      });
    scored.push({ tumour, score, routes: list });
  }
  insertionSort(scored, (a, b) => a.score > b.score || (a.score === b.score && a.tumour.id < b.tumour.id));
  const ranked: RankedTumour[] = [];
  for (let i = 0; i < scored.length && i < index.kb.model.listLength; i++) {
    const { tumour, score, routes: list } = scored[i] as (typeof scored)[number];
    const knownText = known.get(tumour.id);
    // The strongest routes explain a tumour; the rest still count in its score.
    // Sorted in place: the score has been computed, and the list is this case's own.
    const strongest = insertionSort(list, (a, b) => a.contribution > b.contribution);
    const why: TumourReason[] = [];
    for (let k = 0; k < strongest.length && k < MAX_REASONS; k++)
      why.push(describeRoute(strongest[k] as Route));
    otherReasons(tumour, c, signs.get(tumour.id), index, why);
    if (knownText !== undefined)
      why.unshift({
        reason:
          list.length > 0
            ? `known cancer ("${knownText}") that fits the likely syndromes or antibodies`
            : `known cancer ("${knownText}"), but not one these syndromes or antibodies usually come from`,
        contribution: 0,
        citations: [],
      });
    ranked.push({
      id: tumour.id,
      name: tumour.name,
      score: round(score, 4),
      known: knownText !== undefined,
      why,
    });
  }
  return { tumours: ranked, warnings };
}

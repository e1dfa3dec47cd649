// Ranked syndromes: a bar per syndrome and the evidence for and against, each with its weight and source.
import type { Assessment, Contribution, RankedSyndrome } from '../../../src/engine/assessment.js';
import { h, percent } from '../dom.js';
import { cite, type ReportContext, section, sourceLink } from './context.js';

const SHOWN = 8;
const MIN_SCORE = 0.001;

function evidence(c: Contribution, ctx: ReportContext): HTMLElement {
  const w = c.weight;
  return h(
    'tr',
    {},
    h(
      'td',
      { class: w >= 0 ? 'weight up' : 'weight down' },
      `${w >= 0 ? '+' : '−'}${Math.abs(w).toFixed(2)}`,
    ),
    h('td', {}, c.label, h('span', { class: 'muted' }, ` — ${c.observed}`), ' ', sourceLink(c.source, ctx)),
    h(
      'td',
      { class: 'muted' },
      `LR ${c.likelihoodRatio < 10 ? c.likelihoodRatio.toPrecision(2) : Math.round(c.likelihoodRatio)}`,
      c.frequency === undefined ? '' : ` · in ${percent(c.frequency)} of cases`,
      c.match === 'exact' || c.match === 'prior' ? '' : ` · ${c.match}`,
    ),
    h('td', {}, cite(c.citations)),
  );
}

function table(caption: string, rows: readonly Contribution[], ctx: ReportContext): HTMLElement | null {
  if (rows.length === 0) return null;
  return h(
    'table',
    { class: 'evidence' },
    h('caption', {}, caption),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ['Weight', 'Evidence', 'Strength', 'Sources'].map((t) => h('th', { scope: 'col' }, t)),
      ),
    ),
    h(
      'tbody',
      {},
      rows.map((c) => evidence(c, ctx)),
    ),
  );
}

function syndrome(s: RankedSyndrome, rank: number, ctx: ReportContext): HTMLElement {
  return h(
    'li',
    { class: 'syndrome', id: `syndrome-${s.id}` },
    h(
      'details',
      { open: rank === 0 },
      h(
        'summary',
        {},
        h('span', { class: 'name' }, s.name),
        h('span', { class: 'muted' }, ` ${s.category}`),
        h(
          'span',
          { class: 'bar', role: 'img', 'aria-label': `probability ${percent(s.score)}` },
          h('span', { class: 'fill', style: `width:${Math.max(0.5, s.score * 100).toFixed(1)}%` }),
        ),
        h('span', { class: 'score' }, percent(s.score)),
      ),
      h(
        'p',
        { class: 'muted' },
        `If present, paraneoplastic in about ${percent(s.paraneoplasticProbability)} here.`,
      ),
      table('For', s.for, ctx),
      table('Against', s.against, ctx),
      s.citations.length === 0 ? null : h('p', { class: 'muted' }, 'Syndrome sources: ', cite(s.citations)),
    ),
  );
}

export function syndromes(a: Assessment, ctx: ReportContext): HTMLElement {
  const shown = a.syndromes.filter((s, i) => i === 0 || s.score >= MIN_SCORE).slice(0, SHOWN);
  return section(
    'syndromes',
    'Syndromes, ranked',
    h(
      'p',
      { class: 'muted' },
      `${shown.length} of ${a.syndromes.length} ranked syndromes shown; weights are log10 likelihood ratios.`,
    ),
    h(
      'ol',
      { class: 'syndromes' },
      shown.map((s, i) => syndrome(s, i, ctx)),
    ),
  );
}

// The whole report in reading order: verdict first, then syndromes, criteria, labs, tumours, orders, treatment, inputs.
import type { Assessment } from '../../../src/engine/assessment.js';
import { h } from '../dom.js';
import type { ReportContext } from './context.js';
import { deltaP, pnsCare } from './criteria.js';
import { inputs, type NotUsed } from './inputs.js';
import { labs } from './labs.js';
import { summary } from './summary.js';
import { syndromes } from './syndromes.js';
import { treatment } from './treatment.js';
import { tumours } from './tumours.js';
import { antibodyPanel, workup } from './workup.js';

export function renderReport(a: Assessment, ctx: ReportContext, notUsed: readonly NotUsed[]): HTMLElement[] {
  const sections = [
    summary(a),
    syndromes(a, ctx),
    pnsCare(a, ctx),
    deltaP(a),
    labs(a, ctx),
    tumours(a),
    antibodyPanel(a),
    workup(a),
    treatment(a, ctx),
    inputs(a, ctx, notUsed),
  ].filter((s): s is HTMLElement => s !== null);
  const toc = h(
    'nav',
    { class: 'toc', 'aria-label': 'Report sections' },
    h(
      'ul',
      {},
      sections
        .filter((s) => s.id !== 'summary')
        .map((s) => h('li', {}, h('a', { href: `#${s.id}` }, s.querySelector('h2')?.textContent ?? s.id))),
    ),
  );
  return [sections[0] ?? h('div'), toc, ...sections.slice(1)];
}

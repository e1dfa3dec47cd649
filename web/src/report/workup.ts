// What to order next: the antibody panel for the likeliest syndromes and the work-up for the others.
import type { Assessment } from '../../../src/engine/assessment.js';
import { h, percent } from '../dom.js';
import { cite, section } from './context.js';

export function antibodyPanel(a: Assessment): HTMLElement | null {
  if (a.antibodyPanel.length === 0) return null;
  return section(
    'antibody-panel',
    'Antibody panel to order',
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['Antibody', 'For', 'Frequency', 'Specimen', 'Method', 'Sources'].map((t) =>
            h('th', { scope: 'col' }, t),
          ),
        ),
      ),
      h(
        'tbody',
        {},
        a.antibodyPanel.map((p) =>
          h(
            'tr',
            {},
            h('td', {}, p.name),
            h('td', {}, a.syndromes.find((s) => s.id === p.forSyndrome)?.name ?? p.forSyndrome),
            h('td', { class: 'num' }, percent(p.frequency)),
            h('td', {}, p.specimen.join(' + ')),
            h('td', {}, p.method),
            h('td', {}, cite(p.citations)),
          ),
        ),
      ),
    ),
  );
}

export function workup(a: Assessment): HTMLElement | null {
  if (a.workup.length === 0) return null;
  return section(
    'workup',
    'Work-up',
    h(
      'ul',
      { class: 'workup' },
      a.workup.map((w) =>
        h(
          'li',
          { class: w.held ? 'held' : 'todo' },
          h('strong', {}, w.test),
          ` — ${w.kind}: ${w.reason}`,
          w.held
            ? h('span', { class: 'tag' }, ` in the case: ${w.result ?? 'given'}`)
            : h('span', { class: 'tag' }, ' to order'),
          w.limits === undefined ? '' : h('span', { class: 'muted' }, ` (${w.limits})`),
          ' ',
          cite(w.citations),
        ),
      ),
    ),
  );
}

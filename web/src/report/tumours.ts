// Tumours to look for, and the screening plan drawn as a dated timeline from the assessment date.
import type { Assessment } from '../../../src/engine/assessment.js';
import type { ScreeningItem } from '../../../src/engine/screening.js';
import { h, percent } from '../dom.js';
import { cite, section } from './context.js';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

function timeline(items: readonly ScreeningItem[], asOf: string | null): HTMLElement {
  const dated = items.filter((i) => i.due !== null);
  const byDate = new Map<string, ScreeningItem[]>();
  for (const i of [...dated].sort((a, b) => (a.due ?? '').localeCompare(b.due ?? ''))) {
    const key = i.due ?? '';
    byDate.set(key, [...(byDate.get(key) ?? []), i]);
  }
  const dates = [...byDate.keys()];
  const start = asOf !== null ? day(asOf) : day(dates[0] ?? '2000-01-01');
  const end = Math.max(start + 1, ...dates.map(day));
  const axis = h(
    'div',
    { class: 'axis', 'aria-hidden': 'true' },
    dates.map((d) =>
      h(
        'span',
        { class: 'tick', style: `left:${(((day(d) - start) / (end - start)) * 100).toFixed(2)}%` },
        h('span', { class: 'tick-label' }, d),
      ),
    ),
  );
  return h(
    'div',
    { class: 'timeline' },
    axis,
    h(
      'ol',
      { class: 'due-list', 'aria-label': 'Screening timeline' },
      [...byDate.entries()].map(([date, list]) =>
        h(
          'li',
          { class: 'due' },
          h('time', { datetime: date, class: 'due-date' }, date),
          h(
            'ul',
            {},
            list.map((i) =>
              h(
                'li',
                { class: `screen ${i.kind}` },
                h('strong', {}, i.test),
                i.dueBy === undefined ? '' : ` (by ${i.dueBy})`,
                h('span', { class: 'muted' }, ` — ${i.kind}: ${i.reason}`),
                ' ',
                cite(i.citations),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

export function tumours(a: Assessment): HTMLElement {
  const shown = a.tumours.filter((t, i) => i < 5 && (i === 0 || t.score >= 0.01));
  return section(
    'tumours',
    'Tumours to look for and screening',
    shown.length === 0
      ? h('p', {}, 'No tumour stands out from the data given.')
      : h(
          'ol',
          { class: 'tumours' },
          shown.map((t) =>
            h(
              'li',
              { id: `tumour-${t.id}` },
              h('span', { class: 'name' }, t.name, t.known ? ' (known)' : ''),
              h(
                'span',
                { class: 'bar', role: 'img', 'aria-label': `probability ${percent(t.score)}` },
                h('span', { class: 'fill', style: `width:${Math.max(0.5, t.score * 100).toFixed(1)}%` }),
              ),
              h('span', { class: 'score' }, percent(t.score)),
              h(
                'ul',
                { class: 'why' },
                t.why.map((w) => h('li', {}, w.reason, ' ', cite(w.citations))),
              ),
            ),
          ),
        ),
    a.screening.length === 0
      ? h('p', { class: 'muted' }, 'No screening plan: no likely tumour with a catalogued search.')
      : timeline(a.screening, a.asOf),
    a.screening.some((i) => i.due === null)
      ? h('p', { class: 'muted' }, 'Give an assessment date to date the screening plan.')
      : null,
  );
}

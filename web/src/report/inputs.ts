// What the assessment read from the input, what it could not use (with the reason), and its warnings.
import type { Assessment } from '../../../src/engine/assessment.js';
import { h } from '../dom.js';
import { type ReportContext, section, sourceLink } from './context.js';

export interface NotUsed {
  readonly what: string;
  readonly reason: string;
}

export function inputs(a: Assessment, ctx: ReportContext, notUsed: readonly NotUsed[]): HTMLElement {
  return section(
    'inputs',
    'What was read, and what was not used',
    h(
      'ul',
      { class: 'read-findings' },
      a.findings.map((f) =>
        h(
          'li',
          { class: f.present ? 'present' : 'absent' },
          h('strong', {}, f.label),
          ` ${f.present ? 'present' : 'absent'}`,
          h('span', { class: 'code' }, ` ${f.hpo}`),
          f.quote === undefined ? '' : h('span', { class: 'muted' }, ` “${f.quote}”`),
          ' ',
          sourceLink(f.source, ctx),
          f.known ? '' : h('span', { class: 'muted' }, ' · no catalogued syndrome uses it'),
        ),
      ),
    ),
    a.unrecognised.length + notUsed.length === 0
      ? h('p', { class: 'muted', id: 'unrecognised-none' }, 'Everything given was understood.')
      : h(
          'div',
          { id: 'unrecognised' },
          h('h3', {}, 'Not used'),
          h(
            'ul',
            {},
            a.unrecognised.map((u) =>
              h('li', {}, h('q', {}, u.value), ` — ${u.reason} `, sourceLink(u.field, ctx)),
            ),
            notUsed.map((n) => h('li', {}, h('strong', {}, n.what), ` — ${n.reason}`)),
          ),
        ),
    a.warnings.length === 0
      ? null
      : h(
          'div',
          { id: 'warnings' },
          h('h3', {}, 'Warnings'),
          h(
            'ul',
            {},
            a.warnings.map((w) => h('li', { class: `warning ${w.code}` }, w.message)),
          ),
        ),
  );
}

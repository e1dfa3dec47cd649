// Labs as read (converted, with range and interpretation) and the lab patterns with the values they used.
import type { Assessment } from '../../../src/engine/assessment.js';
import type { PatternResult } from '../../../src/engine/patterns/types.js';
import { h } from '../dom.js';
import { cite, type ReportContext, section, sourceLink } from './context.js';

const ORDER: Readonly<Record<PatternResult['result'], number>> = { met: 0, unknown: 1, 'not-met': 2 };

const range = (r: { low?: number; high?: number } | undefined) =>
  r === undefined
    ? ''
    : r.low !== undefined && r.high !== undefined
      ? `${r.low}–${r.high}`
      : r.low !== undefined
        ? `≥ ${r.low}`
        : r.high !== undefined
          ? `≤ ${r.high}`
          : '';

function pattern(p: PatternResult, ctx: ReportContext): HTMLElement {
  return h(
    'li',
    { class: `pattern ${p.result}`, id: `pattern-${p.id}` },
    h(
      'p',
      {},
      h('strong', {}, p.name),
      ' — ',
      h('span', { class: `outcome ${p.result}` }, p.result),
      p.grade === undefined ? '' : ` (${p.grade})`,
    ),
    h('p', {}, p.explanation),
    p.valuesUsed.length === 0
      ? null
      : h(
          'p',
          { class: 'muted' },
          'Values used: ',
          p.valuesUsed
            .map((v) => `${v.lab} ${v.value ?? v.interpretation}${v.unit === undefined ? '' : ` ${v.unit}`}`)
            .join('; '),
        ),
    p.items === undefined || p.items.length === 0
      ? null
      : h(
          'ul',
          {},
          p.items.map((i) => h('li', {}, `${i.itemId}: ${i.valueUsed} (${i.points ?? '?'})`)),
        ),
    p.missing.length === 0 ? null : h('p', { class: 'muted' }, `Missing: ${p.missing.join(', ')}`),
    p.alternatives === undefined || p.alternatives.length === 0
      ? null
      : h(
          'p',
          { class: 'caution' },
          'Drugs in the case that cause the same pattern: ',
          p.alternatives.map((d) =>
            h('span', {}, d.name, ' ', sourceLink(d.field, ctx), ' ', cite(d.citations)),
          ),
        ),
    h('p', { class: 'muted' }, cite(p.citations)),
  );
}

export function labs(a: Assessment, ctx: ReportContext): HTMLElement | null {
  if (a.labs.length === 0 && a.labPatterns.length === 0) return null;
  const patterns = [...a.labPatterns].sort((x, y) => ORDER[x.result] - ORDER[y.result]);
  return section(
    'labs',
    'Labs and lab patterns',
    a.labs.length === 0
      ? null
      : h(
          'table',
          { class: 'labs' },
          h('caption', {}, 'Labs as read'),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ['Test', 'Value', 'Reference', 'Reading', 'Input'].map((t) => h('th', { scope: 'col' }, t)),
            ),
          ),
          h(
            'tbody',
            {},
            a.labs.map((l) =>
              h(
                'tr',
                {},
                h('td', {}, l.name, h('span', { class: 'code' }, ` LOINC ${l.loinc}`)),
                h('td', { class: 'num' }, l.value === undefined ? '' : `${l.value} ${l.unit ?? ''}`),
                h('td', { class: 'num' }, range(l.range)),
                h('td', { class: `interp ${l.interpretation}` }, l.interpretation),
                h('td', {}, sourceLink(l.field, ctx), h('span', { class: 'muted' }, ` “${l.original}”`)),
              ),
            ),
          ),
        ),
    patterns.length === 0
      ? null
      : h(
          'ul',
          { class: 'patterns' },
          patterns.map((p) => pattern(p, ctx)),
        ),
  );
}

// PNS-Care 2021 (Graus et al.) points per level with the evidence used and what would settle the unknowns; DELTA-P.
import type { Assessment } from '../../../src/engine/assessment.js';
import { h, percent } from '../dom.js';
import { cite, type ReportContext, section, sourceLink } from './context.js';

const sourcesIn = (text: string): string[] =>
  [...text.matchAll(/\(((?:antibodies|findings|notes|knownCancers)\.\d+)[^)]*\)/g)].map((m) => m[1] ?? '');

export function pnsCare(a: Assessment, ctx: ReportContext): HTMLElement {
  const p = a.pnsCare;
  if (p === null) {
    const why = a.warnings.filter((w) => w.code.startsWith('pns-care'));
    return section(
      'pns-care',
      'PNS-Care score (2021)',
      h(
        'p',
        { id: 'pns-care-level' },
        'Not scored: ',
        why.length > 0
          ? why.map((w) => w.message).join(' ')
          : 'the leading syndrome is not a neurological phenotype inside the criteria.',
      ),
    );
  }
  return section(
    'pns-care',
    'PNS-Care score (2021)',
    h(
      'p',
      { class: 'lead' },
      'Level ',
      h('strong', { id: 'pns-care-level' }, p.level),
      `: ${p.total} points (could be ${p.range.min}–${p.range.max} once the unknowns are known) for `,
      h('strong', {}, p.phenotype.name),
      ` (${p.phenotype.class} phenotype).`,
    ),
    h(
      'table',
      { class: 'criteria' },
      h('caption', {}, 'Points per level'),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['Level', 'Result', 'Value used', 'Points', 'Sources'].map((t) => h('th', { scope: 'col' }, t)),
        ),
      ),
      h(
        'tbody',
        {},
        p.items.map((i) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, i.itemId),
            h('td', {}, i.result),
            h(
              'td',
              {},
              i.valueUsed,
              ' ',
              sourcesIn(i.valueUsed).map((s) => sourceLink(s, ctx)),
            ),
            h('td', { class: 'num' }, String(i.points)),
            h('td', {}, cite(i.citations)),
          ),
        ),
        h(
          'tr',
          { class: 'total' },
          h('th', { scope: 'row' }, 'Total'),
          h('td', {}),
          h('td', {}),
          h('td', { class: 'num' }, String(p.total)),
          h('td', {}),
        ),
      ),
    ),
    p.unknown.length === 0
      ? null
      : h(
          'div',
          { class: 'unknowns' },
          h('h3', {}, 'What would settle the unknowns'),
          h(
            'ul',
            {},
            p.unknown.map((u) =>
              h(
                'li',
                {},
                h('strong', {}, `${u.itemId}: `),
                `${u.missing} — assumed ${u.assumed}. `,
                h('em', {}, u.settle),
              ),
            ),
          ),
        ),
    p.notes.length === 0
      ? null
      : h(
          'ul',
          { class: 'notes' },
          p.notes.map((n) => h('li', {}, n)),
        ),
    h('p', { class: 'muted' }, 'Criteria: ', cite(p.citations)),
  );
}

export function deltaP(a: Assessment): HTMLElement | null {
  const d = a.deltaP;
  if (d === null) return null;
  return section(
    'delta-p',
    'DELTA-P (LEMS)',
    h(
      'p',
      { class: 'lead' },
      `Score ${d.score} (${d.range.min}–${d.range.max} once unknowns are known), ${d.window}.`,
    ),
    h(
      'ul',
      {},
      d.items.map((i) => h('li', {}, `${i.label}: ${i.result} — ${i.valueUsed} (${i.points})`)),
    ),
    h(
      'ul',
      {},
      d.probabilities.map((p) =>
        h(
          'li',
          {},
          `${p.label}: `,
          p.probability === null ? 'no published probability for this score' : percent(p.probability),
          p.note === undefined ? '' : ` (${p.note})`,
        ),
      ),
    ),
    d.unknown.length === 0 ? null : h('p', {}, `Unknown: ${d.unknown.join('; ')}`),
    h('p', { class: 'muted' }, cite(d.citations)),
  );
}

// The first thing read: verdict and probability, the leading syndrome, PNS-Care level, dangers, version, disclaimer.
import type { Assessment } from '../../../src/engine/assessment.js';
import { h, percent } from '../dom.js';
import { dangerCount } from './treatment.js';

const VERDICT_TEXT: Readonly<Record<Assessment['pnsVerdict'], string>> = {
  likely: 'A paraneoplastic syndrome is likely',
  possible: 'A paraneoplastic syndrome is possible',
  unlikely: 'A paraneoplastic syndrome is unlikely',
};

export function summary(a: Assessment): HTMLElement {
  const top = a.syndromes[0];
  const dangers = dangerCount(a);
  return h(
    'section',
    { id: 'summary', class: `summary verdict-${a.pnsVerdict}`, 'aria-labelledby': 'verdict' },
    h('h2', { id: 'verdict' }, VERDICT_TEXT[a.pnsVerdict]),
    h(
      'p',
      { class: 'probability' },
      h('span', { id: 'pns-probability', class: 'big' }, percent(a.pnsProbability)),
      ' probability that a paraneoplastic syndrome explains the picture; ',
      h('span', {}, percent(a.noSyndromeProbability)),
      ' that none of the catalogued syndromes does.',
    ),
    top === undefined
      ? null
      : h(
          'p',
          {},
          'Leading syndrome: ',
          h('strong', { id: 'top-syndrome' }, top.name),
          ` (${percent(top.score)})`,
          a.pnsCare === null
            ? null
            : h(
                'span',
                {},
                ' · PNS-Care 2021: ',
                h('strong', { id: 'summary-pns-care' }, a.pnsCare.level),
                ` (${a.pnsCare.total} points)`,
              ),
        ),
    dangers === 0
      ? null
      : h(
          'p',
          { class: 'danger-banner', role: 'alert' },
          h(
            'strong',
            {},
            `Safety: ${dangers} danger${dangers === 1 ? '' : 's'} in the treatment and remedies. `,
          ),
          h('a', { href: '#treatment' }, 'Read them first'),
        ),
    h(
      'p',
      { class: 'meta' },
      `Knowledge version ${a.knowledgeVersion}`,
      a.asOf === null ? ' · no assessment date' : ` · as of ${a.asOf}`,
      a.caseId === null ? null : ` · case ${a.caseId}`,
    ),
    h('p', { class: 'disclaimer' }, h('strong', {}, 'Decision support, not a diagnosis. '), a.disclaimer),
  );
}

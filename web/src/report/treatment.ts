// Treatment and safety, dangers first: never-take remedies, contraindications, doses above the maximum, then the plans.
import type { Assessment } from '../../../src/engine/assessment.js';
import type {
  DoseCheck,
  RemedyAssessment,
  SafetyFlag,
  SyndromePlan,
} from '../../../src/engine/treatment/types.js';
import { h } from '../dom.js';
import { cite, type ReportContext, section, sourceLink } from './context.js';

const DANGEROUS_REMEDY = new Set<RemedyAssessment['verdict']>(['never-take', 'harmful']);
const DANGEROUS_FLAG = new Set<SafetyFlag['severity']>(['contraindicated', 'major']);
const REMEDY_ORDER: Readonly<Record<RemedyAssessment['verdict'], number>> = {
  'never-take': 0,
  harmful: 1,
  'not-recommended': 2,
  'deficiency-only': 3,
};
const FLAG_ORDER: Readonly<Record<SafetyFlag['severity'], number>> = {
  contraindicated: 0,
  major: 1,
  moderate: 2,
  minor: 3,
};

interface Dangers {
  readonly remedies: RemedyAssessment[];
  readonly flags: SafetyFlag[];
  readonly doses: DoseCheck[];
}

function dangersOf(a: Assessment): Dangers {
  const t = a.treatment;
  return {
    remedies: t.remedies
      .filter((r) => DANGEROUS_REMEDY.has(r.verdict))
      .sort((x, y) => REMEDY_ORDER[x.verdict] - REMEDY_ORDER[y.verdict]),
    flags: t.safety
      .filter((f) => DANGEROUS_FLAG.has(f.severity))
      .sort((x, y) => FLAG_ORDER[x.severity] - FLAG_ORDER[y.severity]),
    doses: t.doseChecks.filter((d) => d.verdict === 'above-maximum'),
  };
}

/** How many dangers the treatment section opens with (the summary points to them). */
export function dangerCount(a: Assessment): number {
  const d = dangersOf(a);
  return (
    d.remedies.length +
    d.flags.length +
    d.doses.length +
    a.treatment.physiotherapy.filter((p) => p.verdict === 'contraindicated').length
  );
}

const VERDICT_WORDS: Readonly<Record<RemedyAssessment['verdict'], string>> = {
  'never-take': 'NEVER TAKE',
  harmful: 'Harmful',
  'not-recommended': 'Not recommended',
  'deficiency-only': 'Only for a proven deficiency',
};

function remedy(r: RemedyAssessment, ctx: ReportContext): HTMLElement {
  const danger = DANGEROUS_REMEDY.has(r.verdict);
  return h(
    'li',
    { class: `remedy ${danger ? 'danger' : ''} ${r.verdict}` },
    h(
      'p',
      {},
      h('strong', { class: 'verdict-word' }, `${VERDICT_WORDS[r.verdict]}: `),
      h('strong', {}, r.name),
      ` (${r.status}) `,
      sourceLink(r.field, ctx),
    ),
    h(
      'ul',
      {},
      r.hazards.map((z) => h('li', {}, h('strong', {}, `${z.severity}: `), z.text, ' ', cite(z.citations))),
    ),
    r.claims.length === 0
      ? null
      : h(
          'ul',
          { class: 'claims' },
          r.claims.map((c) => h('li', {}, `“${c.claim}” — ${c.verdict} `, cite(c.citations))),
        ),
  );
}

function flag(f: SafetyFlag): HTMLElement {
  return h(
    'li',
    { class: `flag ${DANGEROUS_FLAG.has(f.severity) ? 'danger' : ''} ${f.severity}` },
    h('strong', { class: 'verdict-word' }, `${f.severity} ${f.kind}: `),
    h('strong', {}, f.between.join(' + ')),
    ` — ${f.text}`,
    f.management === undefined ? '' : h('span', {}, ` Management: ${f.management}`),
    ' ',
    cite(f.citations),
  );
}

function dose(d: DoseCheck, ctx: ReportContext): HTMLElement {
  return h(
    'li',
    { class: `dose ${d.verdict === 'above-maximum' ? 'danger' : ''} ${d.verdict}` },
    h('strong', { class: 'verdict-word' }, `${d.verdict.replace('-', ' ')}: `),
    h('strong', {}, d.name),
    ` ${d.given}`,
    d.range === undefined ? '' : ` (range ${d.range.min}–${d.range.max} ${d.range.unit} ${d.range.period})`,
    ' ',
    sourceLink(d.field, ctx),
    d.reasons.length === 0
      ? null
      : h(
          'ul',
          {},
          d.reasons.map((r) => h('li', {}, r)),
        ),
    d.missing.length === 0 ? null : h('p', { class: 'muted' }, `Missing: ${d.missing.join(', ')}`),
    d.monitoring.length === 0
      ? null
      : h(
          'ul',
          {},
          d.monitoring.map((m) => h('li', {}, `Monitor ${m.test}: ${m.when} `, cite(m.citations))),
        ),
    cite(d.citations),
  );
}

function plan(p: SyndromePlan): HTMLElement {
  const item = (i: SyndromePlan['immunotherapy'][number]) =>
    h(
      'li',
      {},
      h('strong', {}, i.name),
      i.line === undefined ? '' : ` (${i.line} line)`,
      i.dose === undefined ? '' : ` — ${i.dose}`,
      i.note === undefined ? '' : `; ${i.note}`,
      ' ',
      cite(i.citations),
    );
  return h(
    'li',
    { class: 'plan' },
    h('h4', {}, p.name),
    p.tumourFirst === undefined
      ? null
      : h(
          'p',
          { class: 'tumour-first' },
          h('strong', {}, 'Tumour first. '),
          p.tumourFirst.text,
          ' ',
          cite(p.tumourFirst.citations),
        ),
    p.immunotherapy.length === 0
      ? null
      : h('div', {}, h('h5', {}, 'Immunotherapy'), h('ul', {}, p.immunotherapy.map(item))),
    p.symptomatic.length === 0
      ? null
      : h('div', {}, h('h5', {}, 'Symptomatic'), h('ul', {}, p.symptomatic.map(item))),
    p.prognosis.length === 0
      ? null
      : h(
          'div',
          {},
          h('h5', {}, 'Prognosis'),
          h(
            'ul',
            {},
            p.prognosis.map((x) => h('li', {}, x.text, ' ', cite(x.citations))),
          ),
        ),
  );
}

export function treatment(a: Assessment, ctx: ReportContext): HTMLElement {
  const t = a.treatment;
  const d = dangersOf(a);
  const physioDanger = t.physiotherapy.filter((p) => p.verdict === 'contraindicated');
  const anyDanger = d.remedies.length + d.flags.length + d.doses.length + physioDanger.length > 0;
  const others = {
    remedies: t.remedies.filter((r) => !d.remedies.includes(r)),
    flags: t.safety.filter((f) => !d.flags.includes(f)),
    doses: t.doseChecks.filter((x) => !d.doses.includes(x)),
    physio: t.physiotherapy.filter((p) => p.verdict !== 'contraindicated'),
  };
  return section(
    'treatment',
    'Treatment and safety',
    anyDanger
      ? h(
          'div',
          { class: 'dangers', id: 'dangers' },
          h('h3', {}, 'Dangers'),
          h(
            'ul',
            {},
            d.remedies.map((r) => remedy(r, ctx)),
            d.flags.map(flag),
            d.doses.map((x) => dose(x, ctx)),
            physioDanger.map((p) =>
              h(
                'li',
                { class: 'danger physio' },
                h('strong', { class: 'verdict-word' }, 'Contraindicated: '),
                h('strong', {}, p.name),
                ' — ',
                p.reasons.map((r) => h('span', {}, r.text, ' ', cite(r.citations))),
              ),
            ),
          ),
        )
      : h(
          'p',
          { class: 'muted', id: 'dangers-none' },
          'No contraindication, dangerous interaction, excess dose or dangerous remedy found in the data given.',
        ),
    others.doses.length === 0
      ? null
      : h(
          'div',
          {},
          h('h3', {}, 'Dose checks'),
          h(
            'ul',
            {},
            others.doses.map((x) => dose(x, ctx)),
          ),
        ),
    others.flags.length === 0
      ? null
      : h('div', {}, h('h3', {}, 'Other interactions and cautions'), h('ul', {}, others.flags.map(flag))),
    others.remedies.length === 0
      ? null
      : h(
          'div',
          {},
          h('h3', {}, 'Remedies'),
          h(
            'ul',
            {},
            others.remedies.map((r) => remedy(r, ctx)),
          ),
        ),
    t.plans.length === 0
      ? null
      : h('div', {}, h('h3', {}, 'Treatment plans'), h('ul', { class: 'plans' }, t.plans.map(plan))),
    others.physio.length === 0
      ? null
      : h(
          'div',
          {},
          h('h3', {}, 'Physiotherapy'),
          h(
            'ul',
            {},
            others.physio.map((p) =>
              h(
                'li',
                {},
                h('strong', {}, `${p.name}: `),
                p.verdict.replaceAll('-', ' '),
                h(
                  'ul',
                  {},
                  p.reasons.map((r) => h('li', {}, r.text, ' ', cite(r.citations))),
                ),
              ),
            ),
          ),
        ),
  );
}

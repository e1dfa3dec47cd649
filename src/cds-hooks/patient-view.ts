// patient-view: the assessment of the chart as cards — a possible paraneoplastic syndrome (syndromes, tumours,
// antibodies to test, tumour search due), and a card for every safety problem on the chart.
import type { CaseInput } from '../case/schema.js';
import { assess } from '../engine/assess.js';
import type { Assessment } from '../engine/assessment.js';
import {
  type CardSettings,
  caseLink,
  citationsMd,
  finishCard,
  flagDetail,
  flagSummary,
  overdoseSummary,
  overrideReasons,
  percent,
  sourceOf,
} from './cards.js';
import { SERVICE_IDS } from './discovery.js';
import { type Card, PatientViewContextSchema } from './schemas.js';
import type { HookService } from './service.js';

type Suggestion = NonNullable<Card['suggestions']>[number];
type Action = NonNullable<Suggestion['actions']>[number];

const MAX_SYNDROMES = 3;
const MAX_TUMOURS = 3;

/** A proposed ServiceRequest (draft, proposal) the clinician can accept into the chart. */
function proposal(patientId: string, text: string, reason: string): Action {
  return {
    type: 'create',
    description: `Propose: ${text}`,
    resource: {
      resourceType: 'ServiceRequest',
      status: 'draft',
      intent: 'proposal',
      subject: { reference: `Patient/${patientId}` },
      code: { text },
      reasonCode: [{ text: reason }],
      note: [{ text: 'Proposed by Paraneo: decision support, not a diagnosis.' }],
    },
  };
}

/** Tests due on or before the assessment date: first- and second-line searches now, repeats whose date has come. */
function dueNow(a: Assessment): Assessment['screening'] {
  return a.screening.filter((s) => s.kind !== 'done' && s.due !== null && a.asOf !== null && s.due <= a.asOf);
}

function pnsDetail(a: Assessment): string {
  const lines: string[] = [
    '',
    `Probability that a paraneoplastic syndrome explains the picture: **${percent(a.pnsProbability)}** (${a.pnsVerdict}).`,
    '',
    '**Syndromes that fit best**',
  ];
  for (const s of a.syndromes.slice(0, MAX_SYNDROMES)) {
    const why = s.for
      .slice(0, 3)
      .map((c) => `${c.label} (${c.observed})`)
      .join(', ');
    lines.push(
      `- ${s.name}: ${percent(s.score)}; paraneoplastic if present ${percent(s.paraneoplasticProbability)}${why ? `; for: ${why}` : ''}`,
    );
  }
  if (a.pnsCare !== null)
    lines.push(
      '',
      `PNS-Care 2021 (${a.pnsCare.phenotype.name}): ${a.pnsCare.total} points, **${a.pnsCare.level}**.`,
    );
  const tumours = a.tumours.filter((t) => !t.known).slice(0, MAX_TUMOURS);
  if (tumours.length > 0) {
    lines.push('', '**Tumours to look for**');
    for (const t of tumours) lines.push(`- ${t.name}: ${percent(t.score)}`);
  }
  if (a.antibodyPanel.length > 0) {
    lines.push('', '**Antibodies still to test**');
    for (const p of a.antibodyPanel) lines.push(`- ${p.name} (${p.specimen.join(' and ')}): ${p.method}`);
  }
  const due = dueNow(a);
  if (due.length > 0) {
    lines.push('', '**Tumour search due**');
    for (const s of due) lines.push(`- ${s.test} (${s.kind}, due ${s.due}): ${s.reason}`);
  }
  const next = a.screening.find(
    (s) => s.kind === 'repeat' && a.asOf !== null && s.due !== null && s.due > a.asOf,
  );
  if (next !== undefined)
    lines.push(
      '',
      `Next repeat search if negative: from ${next.due}${next.dueBy ? ` to ${next.dueBy}` : ''}.`,
    );
  if (a.unrecognised.length > 0)
    lines.push(
      '',
      `${a.unrecognised.length} chart item(s) could not be used; they are listed on the Paraneo page.`,
    );
  const citations = [...(a.syndromes[0]?.citations ?? []), ...(a.pnsCare?.citations ?? [])];
  if (citations.length > 0) lines.push('', `Sources: ${citationsMd(citations)}.`);
  return lines.join('\n');
}

function pnsSuggestions(a: Assessment, patientId: string): Suggestion[] {
  const out: Suggestion[] = [];
  if (a.antibodyPanel.length > 0)
    out.push({
      label: 'Propose the antibody panel',
      actions: a.antibodyPanel.map((p) =>
        proposal(
          patientId,
          `${p.name} antibody (${p.specimen.join(' and ')})`,
          `possible ${a.syndromes.find((x) => x.id === p.forSyndrome)?.name ?? p.forSyndrome}`,
        ),
      ),
    });
  const due = dueNow(a);
  if (due.length > 0)
    out.push({
      label: 'Propose the tumour search',
      actions: due.map((s) => proposal(patientId, s.test, s.reason)),
    });
  return out;
}

function pnsCard(
  a: Assessment,
  input: CaseInput,
  patientId: string,
  settings: CardSettings,
): Card | undefined {
  const top = a.syndromes[0];
  if (top === undefined || a.pnsVerdict === 'unlikely') return undefined;
  const tumour = a.tumours.find((t) => !t.known);
  const suggestions = pnsSuggestions(a, patientId);
  return finishCard({
    summary: `${a.pnsVerdict === 'likely' ? 'Likely' : 'Possible'} paraneoplastic syndrome: ${top.name} (${percent(top.score)})${tumour ? `; look for ${tumour.name}` : ''}`,
    indicator: a.pnsVerdict === 'likely' ? 'warning' : 'info',
    detail: pnsDetail(a),
    source: sourceOf(settings, 'pns'),
    ...(suggestions.length > 0 ? { suggestions, selectionBehavior: 'any' as const } : {}),
    overrideReasons: overrideReasons(settings),
    links: caseLink(settings, input),
  });
}

function screeningCard(
  a: Assessment,
  input: CaseInput,
  patientId: string,
  settings: CardSettings,
): Card | undefined {
  const due = dueNow(a);
  if (due.length === 0) return undefined;
  return finishCard({
    summary: `Tumour search due: ${due.map((s) => s.test).join('; ')}`,
    indicator: 'info',
    detail: [
      '',
      ...due.map((s) => `- ${s.test} (${s.kind}, due ${s.due}): ${s.reason}`),
      '',
      `Sources: ${citationsMd(due.flatMap((s) => s.citations))}.`,
    ].join('\n'),
    source: sourceOf(settings, 'screening'),
    suggestions: [
      { label: 'Propose the tumour search', actions: due.map((s) => proposal(patientId, s.test, s.reason)) },
    ],
    selectionBehavior: 'any',
    links: caseLink(settings, input),
  });
}

/** One card per serious safety problem on the chart; moderate and minor interactions together in one info card. */
export function safetyCards(a: Assessment, input: CaseInput, settings: CardSettings): Card[] {
  const cards: Card[] = [];
  const links = caseLink(settings, input);
  for (const d of a.treatment.doseChecks.filter((x) => x.verdict === 'above-maximum'))
    cards.push(
      finishCard({
        summary: overdoseSummary(d),
        indicator: 'critical',
        detail: ['', ...d.reasons.map((r) => `- ${r}`), '', `Sources: ${citationsMd(d.citations)}.`].join(
          '\n',
        ),
        source: sourceOf(settings, 'safety'),
        overrideReasons: overrideReasons(settings),
        links,
      }),
    );
  for (const f of a.treatment.safety.filter(
    (x) => x.severity === 'contraindicated' || x.severity === 'major',
  ))
    cards.push(
      finishCard({
        summary: flagSummary(f),
        indicator: f.severity === 'contraindicated' ? 'critical' : 'warning',
        detail: flagDetail(f),
        source: sourceOf(settings, 'safety'),
        overrideReasons: overrideReasons(settings),
        links,
      }),
    );
  const flagged = new Set(a.treatment.safety.flatMap((f) => f.between));
  for (const r of a.treatment.remedies.filter((x) => x.verdict === 'never-take' && !flagged.has(x.name)))
    cards.push(
      finishCard({
        summary: `${r.name}: toxic, never to be taken`,
        indicator: 'critical',
        detail: [
          '',
          ...r.hazards.map((h) => `- ${h.text} (${h.severity})`),
          '',
          `Sources: ${citationsMd(r.hazards.flatMap((h) => h.citations))}.`,
        ].join('\n'),
        source: sourceOf(settings, 'safety'),
        links,
      }),
    );
  const lesser = a.treatment.safety.filter((x) => x.severity === 'moderate' || x.severity === 'minor');
  if (lesser.length > 0)
    cards.push(
      finishCard({
        summary: `${lesser.length} moderate or minor interaction(s) to review`,
        indicator: 'info',
        detail: [
          '',
          ...lesser.map(
            (f) =>
              `- ${f.severity}: ${f.between.join(' + ')}: ${f.text}${f.management ? ` ${f.management}` : ''}`,
          ),
          '',
          `Sources: ${citationsMd(lesser.flatMap((f) => f.citations))}.`,
        ].join('\n'),
        source: sourceOf(settings, 'safety'),
        links,
      }),
    );
  return cards;
}

/** The patient-view cards: safety first (most urgent), then the paraneoplastic picture or the tumour search due. */
export function patientViewCards(
  a: Assessment,
  input: CaseInput,
  patientId: string,
  settings: CardSettings,
): Card[] {
  const pns = pnsCard(a, input, patientId, settings);
  const screening = pns === undefined ? screeningCard(a, input, patientId, settings) : undefined;
  return [...safetyCards(a, input, settings), ...(pns ? [pns] : []), ...(screening ? [screening] : [])];
}

/** @see https://cds-hooks.org/hooks/patient-view/ */
export const patientView: HookService<ReturnType<typeof PatientViewContextSchema.parse>> = {
  id: SERVICE_IDS.patientView,
  hook: 'patient-view',
  contextSchema: PatientViewContextSchema,
  drafts: () => ({ drafts: [], notRead: [] }),
  cards: ({ context, chart, index, settings }) =>
    patientViewCards(assess(chart.case, index), chart.input, context.patientId, settings),
};

// Card building blocks shared by the services: summary length, source, override reasons, citations, the case link,
// and uuids derived from the card's content so the same request always gives the same cards.
import { createHash } from 'node:crypto';
import type { CaseInput } from '../case/schema.js';
import type { Citation } from '../engine/assessment.js';
import type { DoseCheck, SafetyFlag } from '../engine/treatment/index.js';
import type { Card, Coding } from './schemas.js';

export const NOT_A_DIAGNOSIS = '**Decision support, not a diagnosis.**';
const SUMMARY_MAX = 139;

export interface CardSettings {
  readonly publicBaseUrl: string;
  readonly knowledgeVersion: string;
}

export type CardTopic = 'pns' | 'screening' | 'safety' | 'order-check' | 'not-checked' | 'missing-data';

const TOPIC_DISPLAY: Record<CardTopic, string> = {
  pns: 'Possible paraneoplastic syndrome',
  screening: 'Tumour search due',
  safety: 'Treatment safety',
  'order-check': 'Medication order check',
  'not-checked': 'Not checked',
  'missing-data': 'Missing data',
};

/** A name-based UUID (RFC 9562 version 8) from the SHA-256 of the text: the same content, the same uuid. */
export function contentUuid(text: string): string {
  const h = createHash('sha256').update(text).digest('hex');
  const variant = ((Number.parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** At most 139 characters (the spec asks for fewer than 140), cut at a word with an ellipsis. */
export function summaryOf(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  if (one.length <= SUMMARY_MAX) return one;
  const cut = one.slice(0, SUMMARY_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > 80 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

export function sourceOf(settings: CardSettings, topic: CardTopic): Card['source'] {
  return {
    label: `Paraneo (knowledge ${settings.knowledgeVersion})`,
    url: `${settings.publicBaseUrl}/`,
    topic: {
      system: `${settings.publicBaseUrl}/cds-services/topics`,
      code: topic,
      display: TOPIC_DISPLAY[topic],
    },
  };
}

/** Reasons a clinician may give for going ahead despite a card. */
export function overrideReasons(settings: CardSettings): Coding[] {
  const system = `${settings.publicBaseUrl}/cds-services/override-reasons`;
  return [
    { system, code: 'benefit-outweighs-risk', display: 'Benefit outweighs the risk for this patient' },
    { system, code: 'will-monitor', display: 'Aware; will monitor and adjust' },
    { system, code: 'already-addressed', display: 'Already addressed or not applicable' },
    { system, code: 'data-incorrect', display: 'The chart data behind this card is incorrect' },
  ];
}

/** A citation as Markdown, linked to PubMed, the DOI or the label URL when one is known. */
export function citationMd(c: Citation): string {
  const url =
    c.pmid !== undefined
      ? `https://pubmed.ncbi.nlm.nih.gov/${c.pmid}/`
      : c.doi !== undefined
        ? `https://doi.org/${c.doi}`
        : c.url;
  const label = `${c.short} (grade ${c.grade}${c.read === undefined ? '' : `, ${c.read}`})`;
  return url === undefined ? label : `[${label}](${url})`;
}

export function citationsMd(citations: readonly Citation[], max = 6): string {
  const seen = new Set<string>();
  const unique = citations.filter((c) => !seen.has(c.ref) && seen.add(c.ref));
  const shown = unique.slice(0, max).map(citationMd).join('; ');
  return unique.length > max ? `${shown}; and ${unique.length - max} more on the Paraneo page` : shown;
}

/** The Paraneo web page for this case: the native case JSON, base64url-encoded in the query. */
export function caseLink(settings: CardSettings, input: CaseInput): Card['links'] {
  const encoded = Buffer.from(JSON.stringify(input), 'utf8').toString('base64url');
  return [
    {
      label: 'Open the full assessment in Paraneo',
      url: `${settings.publicBaseUrl}/?case=${encoded}`,
      type: 'absolute',
    },
  ];
}

/** "Carbamazepine: 1600 mg/day (800 mg oral) is above the maximum (1200 mg/day)" */
export function overdoseSummary(d: DoseCheck): string {
  const amount = d.amount !== undefined && d.range ? `${d.amount} ${d.range.unit} (${d.given})` : d.given;
  return `${d.name}: ${amount} is above the maximum${d.range ? ` (${d.range.max} ${d.range.unit})` : ''}`;
}

export const percent = (p: number): string => `${Math.round(p * 100)}%`;

/**
 * Finish a card: the disclaimer leads the detail, the summary is cut to length, and the card and its suggestions get
 * uuids from their content.
 */
/** A safety flag's card summary, e.g. "Major interaction: carbamazepine + clarithromycin". */
export function flagSummary(f: SafetyFlag): string {
  const severity =
    f.severity === 'contraindicated'
      ? 'Contraindicated'
      : `${f.severity[0]?.toUpperCase()}${f.severity.slice(1)}`;
  return `${severity} ${f.kind.replace('-', ' ')}: ${f.between.join(' + ')}`;
}

/** A safety flag's card detail: what it is, what to do, and its sources. */
export function flagDetail(f: SafetyFlag): string {
  return [
    '',
    f.text,
    ...(f.management ? ['', `What to do: ${f.management}`] : []),
    '',
    `Sources: ${citationsMd(f.citations)}.`,
  ].join('\n');
}

export function finishCard(card: Omit<Card, 'uuid'>): Card {
  const draft = {
    ...card,
    summary: summaryOf(card.summary),
    detail: `${NOT_A_DIAGNOSIS} ${card.detail ?? ''}`.trim(),
  };
  const uuid = contentUuid(JSON.stringify(draft));
  const suggestions = draft.suggestions?.map((s) => ({ ...s, uuid: contentUuid(`${uuid} ${s.label}`) }));
  return { uuid, ...draft, ...(suggestions === undefined ? {} : { suggestions }) };
}

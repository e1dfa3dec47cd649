// Shared pieces of the report: citation links and "from which input" links back to the form.
import type { Citation } from '../../../src/engine/assessment.js';
import { h } from '../dom.js';
import { elementIdFor } from '../draft.js';

export interface ReportContext {
  readonly fieldOf: ReadonlyMap<string, string>;
}

const citationHref = (c: Citation): string | undefined =>
  c.pmid !== undefined
    ? `https://pubmed.ncbi.nlm.nih.gov/${c.pmid}/`
    : c.doi !== undefined
      ? `https://doi.org/${c.doi}`
      : c.url;

/** Citations as links (PubMed, else DOI, else the source URL), with the evidence grade and what was read. */
export function cite(citations: readonly Citation[]): HTMLElement | null {
  if (citations.length === 0) return null;
  const seen = new Set<string>();
  const unique = citations.filter((c) => !seen.has(c.ref) && seen.add(c.ref));
  return h(
    'span',
    { class: 'cites' },
    unique.map((c) => {
      const href = citationHref(c);
      const label = `${c.short}${c.read === undefined ? '' : ` (${c.read})`}`;
      const title = [c.pmid && `PMID ${c.pmid}`, c.doi && `DOI ${c.doi}`, `evidence grade ${c.grade}`]
        .filter(Boolean)
        .join(' · ');
      return href === undefined
        ? h('span', { class: 'cite', title }, label)
        : h('a', { class: 'cite', href, title, rel: 'noreferrer noopener', target: '_blank' }, label);
    }),
  );
}

const KIND: Readonly<Record<string, string>> = {
  findings: 'finding',
  notes: 'note',
  labs: 'lab',
  antibodies: 'antibody',
  knownCancers: 'known cancer',
  medications: 'medication',
  plan: 'planned treatment',
  remedies: 'remedy',
  patient: 'patient',
};

/** Words for an input field path: findings.1.text → "finding 2", labPatterns.x → "lab pattern x". */
export function describeSource(path: string): string {
  const [head, second] = path.split('.');
  if (head === 'labPatterns') return `lab pattern ${second ?? ''}`.trim();
  const kind = KIND[head ?? ''] ?? head ?? path;
  if (second !== undefined && /^\d+$/.test(second)) return `${kind} ${Number(second) + 1}`;
  return second === undefined ? kind : `${kind} ${second}`;
}

/** A link from a conclusion to the input it came from; following it focuses that field. */
export function sourceLink(path: string | undefined, ctx: ReportContext): HTMLElement | null {
  if (path === undefined || path === '') return null;
  const target = path.startsWith('labPatterns.')
    ? `pattern-${path.slice(12)}`
    : elementIdFor(path, ctx.fieldOf);
  const text = `from ${describeSource(path)}`;
  if (target === undefined) return h('span', { class: 'src' }, text);
  return h(
    'a',
    {
      class: 'src',
      href: `#${target}`,
      onclick: (e: Event) => {
        const el = document.getElementById(target);
        if (el === null) return;
        e.preventDefault();
        const focusable = el.matches('input,select,textarea,button')
          ? el
          : el.querySelector('input,select,textarea');
        el.scrollIntoView({ block: 'center' });
        (focusable as HTMLElement | null)?.focus();
      },
    },
    text,
  );
}

/** A section of the report with a heading that the table of contents and screen readers use. */
export function section(id: string, title: string, ...content: (Node | null | false)[]): HTMLElement {
  return h(
    'section',
    { id, 'aria-labelledby': `${id}-h`, class: 'report-section' },
    h('h2', { id: `${id}-h` }, title),
    content,
  );
}

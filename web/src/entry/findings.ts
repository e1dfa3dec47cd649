// Findings: an HPO autocomplete (WAI-ARIA combobox over GET /knowledge/findings) and the chips of the case's findings.
import { type FindingHit, searchFindings } from '../api.js';
import { h } from '../dom.js';
import type { Draft, FindingChip } from '../draft.js';
import { newId } from '../draft.js';

export interface FindingsSection {
  readonly element: HTMLElement;
  render(): void;
  /** Add a finding unless the same term is already there (then its status is updated). */
  add(chip: Omit<FindingChip, 'id'>): void;
}

const STATUS: ReadonlyArray<readonly [string, string]> = [
  ['present', 'present'],
  ['absent', 'absent'],
];

/** A finding chip: the label and code, a present/absent choice, and a remove button. */
export function chipElement(
  chip: { id: string; label: string; hpo?: string | undefined; present: boolean },
  onStatus: (present: boolean) => void,
  actions: ReadonlyArray<HTMLElement | null>,
): HTMLElement {
  const statusId = `${chip.id}-status`;
  return h(
    'li',
    { class: `chip ${chip.present ? 'present' : 'absent'}`, id: chip.id },
    h('span', { class: 'chip-label' }, chip.label),
    chip.hpo === undefined
      ? h('span', { class: 'code' }, 'free text')
      : h('span', { class: 'code' }, chip.hpo),
    h('label', { class: 'visually-hidden', for: statusId }, `${chip.label}: status`),
    h(
      'select',
      {
        id: statusId,
        onchange: (e: Event) => onStatus((e.target as HTMLSelectElement).value === 'present'),
      },
      STATUS.map(([v, label]) =>
        h('option', { value: v, selected: (v === 'present') === chip.present }, label),
      ),
    ),
    [...actions],
    h('span', { class: 'error', id: `${chip.id}-error`, 'aria-live': 'polite' }),
  );
}

export function findingsSection(draft: () => Draft, changed: () => void): FindingsSection {
  const chips = h('ul', { class: 'chips', id: 'finding-chips', 'aria-label': 'Findings in the case' });
  const input = h('input', {
    id: 'finding-search',
    type: 'text',
    role: 'combobox',
    autocomplete: 'off',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': 'finding-options',
    'aria-describedby': 'finding-search-hint',
    placeholder: 'e.g. memory loss, seizures, HP:0001250',
  });
  const options = h('ul', {
    id: 'finding-options',
    role: 'listbox',
    class: 'options',
    'aria-label': 'Matching terms',
  });
  const absentBox = h('input', { type: 'checkbox', id: 'finding-absent' });
  let hits: FindingHit[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: AbortController | undefined;

  const close = () => {
    options.replaceChildren();
    hits = [];
    active = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };
  const highlight = (i: number) => {
    active = i;
    for (const [j, li] of [...options.children].entries()) li.setAttribute('aria-selected', String(j === i));
    if (i >= 0) input.setAttribute('aria-activedescendant', `finding-option-${i}`);
    else input.removeAttribute('aria-activedescendant');
  };
  const pick = (hit: FindingHit) => {
    section.add({ hpo: hit.hpo, label: hit.label, present: !absentBox.checked });
    input.value = '';
    close();
    input.focus();
  };
  const show = (found: FindingHit[]) => {
    hits = found;
    options.replaceChildren(
      ...found.map((hit, i) =>
        h(
          'li',
          {
            id: `finding-option-${i}`,
            role: 'option',
            'aria-selected': 'false',
            onmousedown: (e: Event) => e.preventDefault(),
            onclick: () => pick(hit),
          },
          h('span', {}, hit.label),
          hit.matched.toLowerCase() === hit.label.toLowerCase()
            ? null
            : h('span', { class: 'matched' }, ` (${hit.matched})`),
          h('span', { class: 'code' }, ` ${hit.hpo}`),
          hit.inKnowledge ? null : h('span', { class: 'matched' }, ' · not used by any catalogued syndrome'),
        ),
      ),
    );
    input.setAttribute('aria-expanded', String(found.length > 0));
    highlight(found.length > 0 ? 0 : -1);
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    pending?.abort();
    const q = input.value.trim();
    if (q.length < 2) return close();
    timer = setTimeout(() => {
      pending = new AbortController();
      searchFindings(q, pending.signal).then(show, () => undefined);
    }, 150);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && hits.length > 0) highlight((active + 1) % hits.length);
    else if (e.key === 'ArrowUp' && hits.length > 0) highlight((active - 1 + hits.length) % hits.length);
    else if (e.key === 'Enter' && hits[active] !== undefined) pick(hits[active] as FindingHit);
    else if (e.key === 'Escape') close();
    else return;
    e.preventDefault();
  });
  input.addEventListener('blur', () => setTimeout(close, 100));

  const render = () =>
    chips.replaceChildren(
      ...draft().findings.map((chip) =>
        chipElement(
          chip,
          (present) => {
            chip.present = present;
            render();
            changed();
          },
          [
            h(
              'button',
              {
                type: 'button',
                class: 'remove',
                'aria-label': `Remove ${chip.label}`,
                onclick: () => {
                  draft().findings.splice(draft().findings.indexOf(chip), 1);
                  render();
                  changed();
                  input.focus();
                },
              },
              '×',
            ),
          ],
        ),
      ),
    );

  const section: FindingsSection = {
    element: h(
      'fieldset',
      { id: 'section-findings' },
      h('legend', {}, 'Findings'),
      h(
        'div',
        { class: 'combo' },
        h('label', { for: 'finding-search' }, 'Add a finding (HPO term)'),
        input,
        h(
          'span',
          { class: 'hint', id: 'finding-search-hint' },
          'Type two letters or more; arrows choose, Enter adds.',
        ),
        options,
        h('label', { class: 'inline' }, absentBox, ' add as absent (looked for, not found)'),
      ),
      chips,
    ),
    render,
    add(chip) {
      const existing = draft().findings.find((f) => f.hpo !== undefined && f.hpo === chip.hpo);
      if (existing !== undefined) existing.present = chip.present;
      else draft().findings.push({ id: newId('finding'), ...chip });
      render();
      changed();
    },
  };
  render();
  return section;
}

// Free text → suggested findings: the server's text reader (negation included) proposes chips the clinician accepts.
import type { Unrecognised } from '../../../src/case/schema.js';
import { assessCase } from '../api.js';
import { h, replace } from '../dom.js';
import type { Draft } from '../draft.js';
import { newId } from '../draft.js';
import { chipElement } from './findings.js';

interface Suggestion {
  readonly id: string;
  readonly hpo: string;
  readonly label: string;
  readonly quote: string | undefined;
  present: boolean;
}

/**
 * The note box. Reading sends only the note, so the suggestions are exactly what the text says; nothing enters the
 * case until accepted.
 */
export function noteReader(
  draft: () => Draft,
  accept: (s: { hpo: string; label: string; present: boolean }) => void,
) {
  const text = h('textarea', {
    id: 'note-text',
    rows: 4,
    'aria-describedby': 'note-text-hint note-text-error',
    placeholder:
      'e.g. 59-year-old smoker, 3 weeks of memory loss and seizures; no fever; denies weight loss.',
  });
  const status = h('p', { class: 'status', id: 'note-status', role: 'status' });
  const chips = h('ul', { class: 'chips', id: 'note-chips', 'aria-label': 'Findings read from the note' });
  const unread = h('ul', {
    class: 'unread',
    id: 'note-unrecognised',
    'aria-label': 'Phrases not understood',
  });
  let suggestions: Suggestion[] = [];

  const render = () => {
    chips.replaceChildren(
      ...suggestions.map((s) =>
        chipElement(
          { id: s.id, label: s.label, hpo: s.hpo, present: s.present },
          (present) => {
            s.present = present;
            render();
          },
          [
            h('button', { type: 'button', class: 'accept', onclick: () => take(s) }, `Accept ${s.label}`),
            h(
              'button',
              {
                type: 'button',
                class: 'remove',
                'aria-label': `Discard ${s.label}`,
                onclick: () => {
                  suggestions = suggestions.filter((x) => x !== s);
                  render();
                  text.focus();
                },
              },
              '×',
            ),
            s.quote === undefined ? null : h('q', { class: 'quote' }, s.quote),
          ],
        ),
      ),
    );
    acceptAll.hidden = suggestions.length < 2;
  };
  const take = (s: Suggestion) => {
    accept({ hpo: s.hpo, label: s.label, present: s.present });
    suggestions = suggestions.filter((x) => x !== s);
    render();
    (chips.querySelector('button.accept') as HTMLButtonElement | null)?.focus();
  };
  const acceptAll = h(
    'button',
    {
      type: 'button',
      id: 'note-accept-all',
      hidden: true,
      onclick: () => {
        for (const s of suggestions) accept({ hpo: s.hpo, label: s.label, present: s.present });
        suggestions = [];
        render();
        text.focus();
      },
    },
    'Accept all',
  );
  const read = async () => {
    const note = text.value.trim();
    if (note === '') {
      status.textContent = 'Paste or type a note first.';
      return;
    }
    status.textContent = 'Reading…';
    const d = draft();
    const age = Number(d.patient.age);
    // Only the note matters to the text reader; the patient is required by the contract, so a valid one is sent.
    const answer = await assessCase({
      patient: { age: Number.isFinite(age) && age >= 0 && age <= 120 ? age : 50, sex: 'unknown' },
      notes: [note],
    });
    if (answer.kind !== 'ok') {
      status.textContent =
        answer.kind === 'failed'
          ? answer.message
          : answer.issues.map((i) => `${i.path}: ${i.message}`).join('; ');
      return;
    }
    const fromNote = answer.value.findings.filter((f) => f.source.startsWith('notes.'));
    const known = new Set(d.findings.map((f) => `${f.hpo}|${f.present}`));
    suggestions = fromNote
      .filter((f) => !known.has(`${f.hpo}|${f.present}`))
      .map((f) => ({
        id: newId('suggestion'),
        hpo: f.hpo,
        label: f.label,
        quote: f.quote,
        present: f.present,
      }));
    const notUnderstood: Unrecognised[] = answer.value.unrecognised.filter((u) =>
      u.field.startsWith('notes.'),
    );
    replace(
      unread,
      notUnderstood.map((u) => h('li', {}, h('q', {}, u.value), ` — ${u.reason}`)),
    );
    status.textContent =
      `${fromNote.length} finding(s) read` +
      (notUnderstood.length > 0 ? `, ${notUnderstood.length} phrase(s) not understood` : '') +
      (suggestions.length > 0 ? '. Accept, flip to absent, or discard each.' : '.');
    render();
  };
  const element = h(
    'fieldset',
    { id: 'section-note' },
    h('legend', {}, 'Read a clinical note'),
    h('label', { for: 'note-text' }, 'Note (free text)'),
    text,
    h(
      'span',
      { class: 'hint', id: 'note-text-hint' },
      'Negation is understood ("no fever", "denies"). Suggestions enter the case only when accepted.',
    ),
    h('span', { class: 'error', id: 'note-text-error' }),
    h('button', { type: 'button', id: 'note-read', onclick: () => void read() }, 'Read the note'),
    status,
    h(
      'div',
      { class: 'note-results' },
      h('div', {}, h('h3', {}, 'Suggested findings'), chips, acceptAll),
      h('div', {}, h('h3', {}, 'Not understood'), unread),
    ),
  );
  return { element };
}

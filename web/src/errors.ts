// Problems shown next to the field they name (aria-invalid + its error slot); the rest listed above the form.
import { h } from './dom.js';
import { elementIdFor, type Issue } from './draft.js';

let marked: string[] = [];

/** Clear the previous errors and show these; returns how many could be placed next to a field. */
export function showErrors(issues: readonly Issue[], fieldOf: ReadonlyMap<string, string>): number {
  for (const id of marked) {
    document.getElementById(id)?.removeAttribute('aria-invalid');
    const slot = document.getElementById(`${id}-error`);
    if (slot !== null) slot.textContent = '';
  }
  marked = [];
  const general: Issue[] = [];
  let placed = 0;
  for (const issue of issues) {
    const id = elementIdFor(issue.path, fieldOf);
    const slot = id === undefined ? null : document.getElementById(`${id}-error`);
    if (id === undefined || slot === null) {
      general.push(issue);
      continue;
    }
    slot.textContent = slot.textContent === '' ? issue.message : `${slot.textContent}; ${issue.message}`;
    document.getElementById(id)?.setAttribute('aria-invalid', 'true');
    marked.push(id);
    placed++;
  }
  const box = document.getElementById('form-errors');
  if (box !== null)
    box.replaceChildren(
      ...(general.length === 0
        ? []
        : [
            h('p', {}, 'Please correct:'),
            h(
              'ul',
              {},
              general.map((i) => h('li', {}, `${i.path}: ${i.message}`)),
            ),
          ]),
    );
  return placed;
}

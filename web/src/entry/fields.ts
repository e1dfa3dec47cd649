// Labelled form controls with an error slot each, and repeatable row lists (labs, antibodies, medications, …).
import { h } from '../dom.js';
import type { Draft, ListName, Row } from '../draft.js';
import { newId, rowFieldId } from '../draft.js';

export type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export interface FieldSpec {
  readonly key: string;
  readonly label: string;
  readonly type?: 'text' | 'number' | 'select' | 'date' | 'textarea';
  /** Select options as [value, label]. */
  readonly options?: ReadonlyArray<readonly [string, string]>;
  /** Id of a datalist offering values. */
  readonly list?: string;
  readonly placeholder?: string;
  readonly hint?: string;
  readonly wide?: boolean;
}

/** One control with its label, an optional hint and an error slot (id `<id>-error`), described by both. */
export function field(
  id: string,
  spec: FieldSpec,
  value: string,
  onInput: (value: string) => void,
): HTMLElement {
  const describedBy = [spec.hint === undefined ? undefined : `${id}-hint`, `${id}-error`]
    .filter(Boolean)
    .join(' ');
  const common = { id, name: id, 'aria-describedby': describedBy };
  let control: Control;
  if (spec.type === 'select') {
    control = h(
      'select',
      common,
      (spec.options ?? []).map(([v, label]) => h('option', { value: v, selected: v === value }, label)),
    );
  } else if (spec.type === 'textarea') {
    control = h('textarea', { ...common, rows: 3, placeholder: spec.placeholder });
    control.value = value;
  } else {
    control = h('input', {
      ...common,
      type: spec.type === 'date' ? 'date' : 'text',
      inputmode: spec.type === 'number' ? 'decimal' : undefined,
      autocomplete: 'off',
      list: spec.list,
      placeholder: spec.placeholder,
      value,
    });
  }
  const handler = () => onInput(control.value);
  control.addEventListener('input', handler);
  control.addEventListener('change', handler);
  return h(
    'div',
    { class: `field${spec.wide === true ? ' wide' : ''}` },
    h('label', { for: id }, spec.label),
    control,
    spec.hint === undefined ? null : h('span', { class: 'hint', id: `${id}-hint` }, spec.hint),
    h('span', { class: 'error', id: `${id}-error`, 'aria-live': 'polite' }),
  );
}

export interface ListSpec {
  readonly name: ListName;
  readonly title: string;
  readonly hint?: string;
  readonly addLabel: string;
  readonly fields: readonly FieldSpec[];
  readonly defaults: Readonly<Record<string, string>>;
  /** Extra content per row (e.g. the lab's units and reference range); called after every change of the row. */
  readonly decorate?: (row: Row, extra: HTMLElement, rowElement: HTMLElement) => void;
}

export interface ListSection {
  readonly element: HTMLElement;
  render(): void;
}

/** A titled section of rows, each with its fields, an error slot and a remove button, and an add button. */
export function listSection(spec: ListSpec, draft: () => Draft, changed: () => void): ListSection {
  const list = h('div', { class: 'rows' });
  const rowElement = (row: Row, index: number) => {
    const extra = h('div', { class: 'row-extra' });
    const decorate = () => spec.decorate?.(row, extra, el);
    const el: HTMLElement = h(
      'div',
      { class: 'row', id: row.id, role: 'group', 'aria-label': `${spec.title} ${index + 1}` },
      spec.fields.map((f) =>
        field(rowFieldId(row, f.key), f, row.values[f.key] ?? '', (value) => {
          row.values[f.key] = value;
          decorate();
          changed();
        }),
      ),
      extra,
      h(
        'button',
        {
          type: 'button',
          class: 'remove',
          'aria-label': `Remove ${spec.title.toLowerCase()} ${index + 1}`,
          onclick: () => {
            const rows = draft().lists[spec.name];
            rows.splice(rows.indexOf(row), 1);
            render();
            changed();
            addButton.focus();
          },
        },
        'Remove',
      ),
      h('span', { class: 'error', id: `${row.id}-error`, 'aria-live': 'polite' }),
    );
    decorate();
    return el;
  };
  const render = () => list.replaceChildren(...draft().lists[spec.name].map(rowElement));
  const addButton = h(
    'button',
    {
      type: 'button',
      class: 'add',
      onclick: () => {
        const row: Row = { id: newId(spec.name), values: { ...spec.defaults } };
        draft().lists[spec.name].push(row);
        render();
        document.getElementById(rowFieldId(row, spec.fields[0]?.key ?? ''))?.focus();
      },
    },
    spec.addLabel,
  );
  const element = h(
    'fieldset',
    { class: 'list', id: `section-${spec.name}` },
    h('legend', {}, spec.title),
    spec.hint === undefined ? null : h('p', { class: 'hint' }, spec.hint),
    list,
    addButton,
  );
  render();
  return { element, render };
}

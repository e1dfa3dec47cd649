// The entry form: patient, findings, note reader, labs, antibodies, cancers, treatments, follow-up.
import type { Catalogue } from '../api.js';
import { h } from '../dom.js';
import type { Draft, PatientField, Row } from '../draft.js';
import { patientFieldId, rowFieldId } from '../draft.js';
import { type FieldSpec, field, type ListSection, listSection } from './fields.js';
import { findingsSection } from './findings.js';
import { describeRanges, findLab } from './lab-hint.js';
import { noteReader } from './note-reader.js';

const opts = (...values: string[]): ReadonlyArray<readonly [string, string]> =>
  values.map((v) => [v, v || '—']);

const MED_FIELDS: readonly FieldSpec[] = [
  { key: 'name', label: 'Drug', wide: true },
  { key: 'dose', label: 'Dose', type: 'number' },
  {
    key: 'unit',
    label: 'Unit',
    type: 'select',
    options: opts('', 'mg', 'g', 'mcg', 'IU', 'mL', 'mg/kg', 'mg/m2', 'g/kg'),
  },
  { key: 'frequency', label: 'Frequency', placeholder: 'e.g. twice daily' },
  { key: 'perDay', label: 'Doses a day', type: 'number' },
  {
    key: 'route',
    label: 'Route',
    type: 'select',
    options: opts('', 'oral', 'iv', 'sc', 'im', 'topical', 'procedure'),
  },
];
const MED_DEFAULTS = { name: '', dose: '', unit: '', frequency: '', perDay: '', route: '' };

export interface Form {
  readonly element: HTMLElement;
  /** Redraw every section from the draft (after loading a case). */
  render(): void;
  /** Label HPO chips that were loaded as bare codes. */
  relabel(labels: ReadonlyMap<string, string>): void;
}

export function entryForm(draft: () => Draft, catalogue: Catalogue, changed: () => void): Form {
  const patientSpecs: ReadonlyArray<readonly [PatientField, FieldSpec]> = [
    ['age', { key: 'age', label: 'Age (years)', type: 'number' }],
    [
      'sex',
      { key: 'sex', label: 'Sex', type: 'select', options: opts('female', 'male', 'other', 'unknown') },
    ],
    [
      'smoking',
      {
        key: 'smoking',
        label: 'Smoking',
        type: 'select',
        options: opts('current', 'former', 'never', 'unknown'),
      },
    ],
    ['weightKg', { key: 'weightKg', label: 'Weight (kg)', type: 'number' }],
    ['heightCm', { key: 'heightCm', label: 'Height (cm)', type: 'number' }],
    [
      'karnofsky',
      { key: 'karnofsky', label: 'Karnofsky (0–100)', type: 'number', hint: 'used by DELTA-P in LEMS' },
    ],
    [
      'pregnant',
      {
        key: 'pregnant',
        label: 'Pregnant',
        type: 'select',
        options: [
          ['', 'not stated'],
          ['yes', 'yes'],
          ['no', 'no'],
        ],
      },
    ],
  ];
  const patient = h('fieldset', { id: 'section-patient' });
  const renderPatient = () => {
    const d = draft();
    patient.replaceChildren(
      h('legend', {}, 'Patient'),
      h(
        'div',
        { class: 'grid' },
        field(
          'case-asOf',
          { key: 'asOf', label: 'Assessed as of', type: 'date', hint: 'screening dates count from here' },
          d.asOf,
          (v) => {
            d.asOf = v;
            changed();
          },
        ),
        patientSpecs.map(([key, spec]) =>
          field(patientFieldId(key), spec, d.patient[key], (v) => {
            d.patient[key] = v;
            changed();
          }),
        ),
        field(
          'case-followUpMonths',
          {
            key: 'followUpMonths',
            label: 'Follow-up so far (months)',
            type: 'number',
            hint: 'since the neurological onset (PNS-Care)',
          },
          d.followUpMonths,
          (v) => {
            d.followUpMonths = v;
            changed();
          },
        ),
      ),
    );
  };

  const labHint = (row: Row, extra: HTMLElement, rowElement: HTMLElement) => {
    const lab =
      findLab(catalogue.labs, row.values.name ?? '') ?? findLab(catalogue.labs, row.values.loinc ?? '');
    const unitList = h(
      'datalist',
      { id: `${row.id}-units` },
      (lab?.units ?? []).map((u) => h('option', { value: u })),
    );
    const unitInput = rowElement.querySelector(`#${CSS.escape(rowFieldId(row, 'unit'))}`);
    const nameInput = rowElement.querySelector(`#${CSS.escape(rowFieldId(row, 'name'))}`);
    if (lab !== undefined && (row.values.name ?? '') === '' && nameInput instanceof HTMLInputElement) {
      nameInput.value = lab.name;
      row.values.name = lab.name;
    }
    nameInput?.setAttribute('aria-describedby', `${rowFieldId(row, 'name')}-error ${row.id}-lab-hint`);
    unitInput?.setAttribute('list', `${row.id}-units`);
    if (lab !== undefined) unitInput?.setAttribute('placeholder', lab.unit);
    extra.replaceChildren(
      unitList,
      lab === undefined
        ? h(
            'span',
            { class: 'hint', id: `${row.id}-lab-hint` },
            row.values.name ? 'not a catalogued test: it will be listed as not recognised' : '',
          )
        : h(
            'span',
            { class: 'hint', id: `${row.id}-lab-hint` },
            `${lab.name} (LOINC ${lab.loinc}). Reference ${describeRanges(lab)}. Units: ${lab.units.join(', ')}; or a result such as low, normal, high.`,
          ),
    );
  };

  const labNames = h(
    'datalist',
    { id: 'lab-names' },
    catalogue.labs.flatMap((l) => [l.name, ...l.synonyms.slice(0, 3)]).map((n) => h('option', { value: n })),
  );
  const antibodyNames = h(
    'datalist',
    { id: 'antibody-names' },
    catalogue.antibodies.map((a) => h('option', { value: a.name })),
  );

  const lists: ListSection[] = [];
  const list = (spec: Parameters<typeof listSection>[0]) => {
    const s = listSection(spec, draft, changed);
    lists.push(s);
    return s.element;
  };
  const findings = findingsSection(draft, changed);
  const note = noteReader(draft, (s) => findings.add(s));

  const element = h(
    'form',
    {
      id: 'entry',
      'aria-label': 'Patient data',
      novalidate: true,
      onsubmit: (e: Event) => e.preventDefault(),
    },
    labNames,
    antibodyNames,
    h('div', { id: 'form-errors', class: 'form-errors', role: 'alert' }),
    patient,
    findings.element,
    note.element,
    list({
      name: 'notes',
      title: 'Notes the engine reads',
      hint: 'Kept with the case and read as a whole at every update (negation understood).',
      addLabel: 'Add a note',
      fields: [{ key: 'text', label: 'Note', type: 'textarea', wide: true }],
      defaults: { text: '' },
    }),
    list({
      name: 'labs',
      title: 'Labs',
      hint: 'By name; a number with a unit that fits the test, or a result (low, normal, high, positive, negative).',
      addLabel: 'Add a lab',
      fields: [
        { key: 'name', label: 'Test', list: 'lab-names', wide: true },
        { key: 'value', label: 'Value' },
        { key: 'unit', label: 'Unit' },
        { key: 'date', label: 'Date', type: 'date' },
      ],
      defaults: { name: '', value: '', unit: '', date: '' },
      decorate: labHint,
    }),
    list({
      name: 'antibodies',
      title: 'Antibodies',
      hint: 'Any common name (anti-Hu, ANNA-1, Yo, PCA-1, …).',
      addLabel: 'Add an antibody',
      fields: [
        { key: 'name', label: 'Antibody', list: 'antibody-names', wide: true },
        {
          key: 'result',
          label: 'Result',
          type: 'select',
          options: opts('positive', 'negative', 'equivocal'),
        },
        {
          key: 'specimen',
          label: 'Specimen',
          type: 'select',
          options: opts('unknown', 'serum', 'csf', 'serum-and-csf'),
        },
        {
          key: 'method',
          label: 'Method',
          type: 'select',
          options: opts(
            '',
            'cell-based-assay',
            'tissue-ifa',
            'line-blot',
            'elisa',
            'ria',
            'western-blot',
            'unknown',
          ),
        },
        { key: 'titre', label: 'Titre', placeholder: 'e.g. 1:640' },
      ],
      defaults: { name: '', result: 'positive', specimen: 'unknown', method: '', titre: '' },
    }),
    list({
      name: 'knownCancers',
      title: 'Known cancers',
      addLabel: 'Add a known cancer',
      fields: [
        {
          key: 'text',
          label: 'Cancer',
          wide: true,
          placeholder: 'e.g. small-cell lung cancer diagnosed 2025',
        },
      ],
      defaults: { text: '' },
    }),
    list({
      name: 'negativeSearches',
      title: 'Negative tumour searches',
      hint: 'Saved with the case; the engine does not read them yet (shown under “Not used”).',
      addLabel: 'Add a negative search',
      fields: [
        { key: 'test', label: 'Test', wide: true, placeholder: 'e.g. CT chest, abdomen, pelvis' },
        { key: 'date', label: 'Date', type: 'date' },
      ],
      defaults: { test: '', date: '' },
    }),
    list({
      name: 'medications',
      title: 'Medications',
      addLabel: 'Add a medication',
      fields: MED_FIELDS,
      defaults: MED_DEFAULTS,
    }),
    list({
      name: 'plan',
      title: 'Planned treatments',
      addLabel: 'Add a planned treatment',
      fields: MED_FIELDS,
      defaults: MED_DEFAULTS,
    }),
    list({
      name: 'remedies',
      title: 'Remedies and supplements',
      hint: 'Any vitamin, herb, folk or homeopathic product the patient takes or considers.',
      addLabel: 'Add a remedy',
      fields: [
        { key: 'name', label: 'Remedy', wide: true },
        { key: 'dose', label: 'Dose', placeholder: 'as taken' },
      ],
      defaults: { name: '', dose: '' },
    }),
  );
  const render = () => {
    renderPatient();
    findings.render();
    for (const s of lists) s.render();
  };
  render();
  return {
    element,
    render,
    relabel(labels) {
      let changedLabel = false;
      for (const chip of draft().findings) {
        const label = chip.hpo === undefined ? undefined : labels.get(chip.hpo);
        if (label !== undefined && chip.label === chip.hpo) {
          (chip as { label: string }).label = label;
          changedLabel = true;
        }
      }
      if (changedLabel) findings.render();
    },
  };
}

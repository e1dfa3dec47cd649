// The clinician's page: the form on one side, the assessment on the other, updated as the clinician types.
import './styles.css';
import { type Assessment, assessCase, type Catalogue, loadCatalogue, readFhir } from './api.js';
import { fromBase64Url, toBase64Url } from './codec.js';
import { h, replace } from './dom.js';
import { type Built, buildCase, type Draft, draftFromCase, emptyDraft } from './draft.js';
import { entryForm, type Form } from './entry/form.js';
import { showErrors } from './errors.js';
import type { NotUsed } from './report/inputs.js';
import { renderReport } from './report/report.js';

const DEBOUNCE_MS = 350;
const today = () => new Date().toISOString().slice(0, 10);

let draft: Draft = emptyDraft(today());
let form: Form;
let built: Built | undefined;
let pending: AbortController | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;
let loadNotes: NotUsed[] = [];

const status = h('p', { id: 'status', class: 'status', role: 'status', 'aria-live': 'polite' });
const loadStatus = h('p', { id: 'load-status', class: 'status', role: 'status' });
const report = h('div', { id: 'report-body' });

function notUsed(): NotUsed[] {
  return loadNotes;
}

function showAssessment(a: Assessment): void {
  if (built === undefined) return;
  const labels = new Map(a.findings.map((f) => [f.hpo, f.label]));
  form.relabel(labels);
  replace(report, renderReport(a, { fieldOf: built.fieldOf }, notUsed()));
  report.classList.remove('stale');
}

async function update(): Promise<void> {
  built = buildCase(draft);
  pending?.abort();
  if (draft.patient.age.trim() === '') {
    showErrors(built.issues, built.fieldOf);
    status.textContent = "Enter the patient's age (and what else is known) to see the assessment.";
    report.classList.add('stale');
    return;
  }
  if (built.issues.length > 0) {
    showErrors(built.issues, built.fieldOf);
    status.textContent = 'Not updated: correct the fields marked.';
    report.classList.add('stale');
    return;
  }
  pending = new AbortController();
  status.textContent = 'Updating…';
  try {
    const answer = await assessCase(built.input, pending.signal);
    if (answer.kind === 'ok') {
      showErrors([], built.fieldOf);
      showAssessment(answer.value);
      status.textContent = `Updated: ${answer.value.pnsVerdict}, ${answer.value.syndromes[0]?.name ?? 'no syndrome'}.`;
    } else if (answer.kind === 'invalid') {
      const placed = showErrors(answer.issues, built.fieldOf);
      status.textContent = `Not updated: ${answer.issues.length} problem(s)${placed > 0 ? ', marked next to the fields' : ''}.`;
      report.classList.add('stale');
    } else {
      status.textContent = answer.message;
      report.classList.add('stale');
    }
  } catch (error) {
    if ((error as Error).name !== 'AbortError') status.textContent = `Error: ${(error as Error).message}`;
  }
}

function changed(): void {
  clearTimeout(timer);
  timer = setTimeout(() => void update(), DEBOUNCE_MS);
}

function load(json: unknown, origin: string): void {
  const { draft: next, notLoaded } = draftFromCase(json, today());
  draft = next;
  loadNotes = notLoaded.map((k) => ({
    what: `${origin}: ${k}`,
    reason: 'not held by the form, so not sent',
  }));
  form.render();
  void update();
}

async function loadFile(file: File): Promise<void> {
  let json: unknown;
  try {
    json = JSON.parse(await file.text());
  } catch (error) {
    loadStatus.textContent = `${file.name} is not JSON: ${(error as Error).message}`;
    return;
  }
  const isFhir =
    Array.isArray(json) || (typeof json === 'object' && json !== null && 'resourceType' in (json as object));
  if (!isFhir) {
    load(json, file.name);
    loadStatus.textContent = `Loaded the case file ${file.name}.`;
    return;
  }
  const answer = await readFhir(json, draft.asOf || undefined);
  if (answer.kind === 'ok') {
    load(answer.value.case, file.name);
    loadNotes.push(
      ...answer.value.unrecognised.map((u) => ({
        what: `${file.name}: ${u.field} “${u.value}”`,
        reason: u.reason,
      })),
    );
    loadStatus.textContent = `Loaded the FHIR file ${file.name}.`;
  } else
    loadStatus.textContent =
      answer.kind === 'failed'
        ? answer.message
        : `${file.name} cannot be read as a case: ${answer.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`;
}

function save(): void {
  const { input } = buildCase(draft);
  const blob = new Blob([`${JSON.stringify(input, null, 2)}\n`], { type: 'application/json' });
  const a = h('a', { href: URL.createObjectURL(blob), download: `${draft.caseId ?? 'paraneo-case'}.json` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

function linkToCase(): void {
  const url = new URL(location.href);
  url.search = `?case=${toBase64Url(buildCase(draft).input)}`;
  history.replaceState(null, '', url);
  void navigator.clipboard?.writeText(url.href).catch(() => undefined);
  status.textContent = 'The address now carries this case (copied when the browser allows).';
}

function toolbar(): HTMLElement {
  const file = h('input', {
    type: 'file',
    id: 'load-file',
    accept: '.json,application/json,application/fhir+json',
    onchange: (e: Event) => {
      const f = (e.target as HTMLInputElement).files?.[0];
      if (f !== undefined) void loadFile(f);
    },
  });
  return h(
    'div',
    { class: 'toolbar', role: 'toolbar', 'aria-label': 'Case' },
    h('label', { for: 'load-file', class: 'button' }, 'Load case JSON or FHIR Bundle'),
    file,
    h('button', { type: 'button', id: 'save-case', onclick: save }, 'Save case as JSON'),
    h('button', { type: 'button', id: 'link-case', onclick: linkToCase }, 'Link to this case'),
    h('button', { type: 'button', id: 'print', onclick: () => print() }, 'Print / PDF'),
    h(
      'button',
      {
        type: 'button',
        id: 'new-case',
        onclick: () => {
          loadNotes = [];
          load({ asOf: today(), patient: { sex: 'unknown' } }, 'new case');
        },
      },
      'New case',
    ),
  );
}

async function start(): Promise<void> {
  const app = document.getElementById('app');
  if (app === null) return;
  let catalogue: Catalogue;
  try {
    catalogue = await loadCatalogue();
  } catch (error) {
    replace(
      app,
      h('p', { role: 'alert' }, `The Paraneo server could not be reached: ${(error as Error).message}`),
    );
    return;
  }
  form = entryForm(() => draft, catalogue, changed);
  replace(
    app,
    h(
      'section',
      { class: 'entry', 'aria-labelledby': 'entry-h' },
      h('h2', { id: 'entry-h' }, 'Patient data'),
      toolbar(),
      loadStatus,
      form.element,
    ),
    h(
      'section',
      { class: 'report', id: 'report', 'aria-labelledby': 'report-h', tabindex: '-1' },
      h('h2', { id: 'report-h', class: 'visually-hidden' }, 'Assessment'),
      status,
      report,
    ),
  );
  const linked = new URLSearchParams(location.search).get('case');
  if (linked !== null) {
    const decoded = fromBase64Url(linked);
    if (decoded.ok) load(decoded.value, 'link');
    else status.textContent = decoded.message;
  } else void update();
}

void start();

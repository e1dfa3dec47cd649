// Draft MedicationRequests from the hook context as proposed medications for the case plan. Anything that cannot be
// read (another resource type, no drug name or RxNorm code, a dose unit the case does not take) is named, not dropped.
import type { CaseInput } from '../case/schema.js';
import { DOSE_UNITS } from '../fhir/medications.js';
import type { Resource } from './prefetch.js';

type MedicationInput = NonNullable<CaseInput['plan']>[number];
type Unit = NonNullable<MedicationInput['unit']>;

const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';

const UNITS: Readonly<Record<string, Unit>> = DOSE_UNITS;

const PERIOD_PER_DAY: Record<string, number> = { h: 24, d: 1, wk: 1 / 7 };

export interface DraftMedication {
  /** The draft's reference, e.g. MedicationRequest/abc, for delete suggestions. */
  readonly reference: string;
  readonly input: MedicationInput;
  /** Parts of the order not carried into the check (a unit it cannot read, a timing it cannot count). */
  readonly notes: readonly string[];
}

export interface NotRead {
  readonly reference: string;
  readonly label: string;
  readonly reason: string;
}

interface Quantity {
  value?: number;
  unit?: string;
  code?: string;
}
interface Coding {
  system?: string;
  code?: string;
  display?: string;
}

const referenceOf = (r: Resource, i: number) => `${r.resourceType}/${r.id ?? `#${i}`}`;

function route(text: string): MedicationInput['route'] {
  const t = text.toLowerCase();
  if (/\boral|mouth|\bpo\b/.test(t)) return 'oral';
  if (/intravenous|\biv\b/.test(t)) return 'iv';
  if (/subcutaneous|\bsc\b|\bsubcut/.test(t)) return 'sc';
  if (/intramuscular|\bim\b/.test(t)) return 'im';
  return undefined;
}

/** One draft MedicationRequest as a proposed medication. */
export function readDraft(r: Resource, i: number): DraftMedication | NotRead {
  const reference = referenceOf(r, i);
  const concept = r.medicationCodeableConcept as { text?: string; coding?: Coding[] } | undefined;
  const codings = concept?.coding ?? [];
  const rxnorm = codings.find((c) => c.system === RXNORM && /^\d{1,8}$/.test(c.code ?? ''))?.code;
  const name = concept?.text?.trim() || codings.find((c) => c.display?.trim())?.display?.trim();
  if (rxnorm === undefined && name === undefined)
    return {
      reference,
      label: reference,
      reason:
        r.medicationReference !== undefined
          ? 'the drug is given by medicationReference, which this check does not follow'
          : 'the order names no drug (no medicationCodeableConcept text, display or RxNorm code)',
    };
  const notes: string[] = [];
  const input: MedicationInput = {
    ...(name === undefined ? {} : { name }),
    ...(rxnorm === undefined ? {} : { rxnorm }),
  };
  const dosage = (r.dosageInstruction as Array<Record<string, unknown>> | undefined)?.[0];
  const dose = (dosage?.doseAndRate as Array<{ doseQuantity?: Quantity }> | undefined)?.[0]?.doseQuantity;
  if (dose?.value !== undefined && dose.value > 0) {
    const unit = UNITS[dose.code ?? ''] ?? UNITS[dose.unit ?? ''];
    if (unit === undefined)
      notes.push(`dose unit "${dose.code ?? dose.unit ?? ''}" not read; dose not checked`);
    else Object.assign(input, { dose: dose.value, unit });
  }
  const repeat = (dosage?.timing as { repeat?: Record<string, number | string> } | undefined)?.repeat;
  if (repeat?.frequency !== undefined) {
    const per = PERIOD_PER_DAY[String(repeat.periodUnit ?? '')];
    const period = Number(repeat.period ?? 1);
    if (per === undefined || !(period > 0)) notes.push('timing not read; doses per day unknown');
    else Object.assign(input, { perDay: (Number(repeat.frequency) * per) / period });
  }
  if (typeof dosage?.text === 'string' && dosage.text.trim() !== '')
    Object.assign(input, { frequency: dosage.text.trim() });
  const routeConcept = dosage?.route as { text?: string; coding?: Coding[] } | undefined;
  const routeText = [routeConcept?.text, ...(routeConcept?.coding ?? []).map((c) => c.display)].join(' ');
  const r2 = route(routeText);
  if (r2 !== undefined) Object.assign(input, { route: r2 });
  return { reference, input, notes };
}

/** The drafts to check: every MedicationRequest in draftOrders, or only the selected ones (order-select). */
export function readDrafts(
  draftOrders: { entry: Array<{ resource?: Resource | undefined }> },
  selections?: readonly string[],
): { drafts: DraftMedication[]; notRead: NotRead[] } {
  const drafts: DraftMedication[] = [];
  const notRead: NotRead[] = [];
  draftOrders.entry.forEach((e, i) => {
    const r = e.resource;
    if (r === undefined) return;
    const reference = referenceOf(r, i);
    if (selections !== undefined && !selections.includes(reference)) return;
    if (r.resourceType !== 'MedicationRequest') {
      notRead.push({ reference, label: reference, reason: 'only medication orders are checked' });
      return;
    }
    const d = readDraft(r, i);
    if ('input' in d) drafts.push(d);
    else notRead.push(d);
  });
  return { drafts, notRead };
}

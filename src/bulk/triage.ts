// Cheap triage: does a patient's chart hold anything a rule can use? Only those patients go to the full engine.
// Conservative by construction: whatever the line readers cannot read plainly sends the patient to the engine.
import { parseCase } from '../case/parse.js';
import { rangeFor } from '../engine/labs.js';
import { ageAt } from '../fhir/dates.js';
import { fhirToCaseInput } from '../fhir/read.js';
import type { KnowledgeIndex } from '../knowledge/index.js';
import type { Lab } from '../knowledge/schema.js';
import {
  conditionCodeOfLine,
  isSmokingLine,
  labOfLine,
  patientFieldsOfLine,
  typeOfLine,
} from './line-scan.js';

/** Types that cannot flag a patient alone: medicines only explain findings away; they are read when the engine runs. */
const INERT_TYPES: ReadonlySet<string> = new Set(['MedicationStatement', 'MedicationRequest']);

/** A note or a narrative: the reader sends its text to the note reader, which may find anything. */
const FREE_TEXT = /"note"\s*:|"text"\s*:\s*\{/;

const MEMO_LIMIT = 50_000;

/** Labs a pattern combines or reads below the catalogue's limit (see derivedAbnormal). */
const DERIVED_FROM: ReadonlySet<string> = new Set(['calcium', 'albumin', 'platelets']);

export class Triage {
  private readonly conditionCodes = new Map<string, boolean>();
  constructor(
    private readonly index: KnowledgeIndex,
    private readonly asOf: string,
  ) {}

  /** True when a problem's code alone gives the case a finding or a known cancer (memoised per code). */
  private conditionCounts(code: string): boolean {
    let counts = this.conditionCodes.get(code);
    if (counts === undefined) {
      const read = fhirToCaseInput(
        [
          { resourceType: 'Patient', id: 't', gender: 'female', birthDate: '1970-01-01' },
          { resourceType: 'Condition', subject: { reference: 'Patient/t' }, code: JSON.parse(code) },
        ],
        { asOf: this.asOf, index: this.index },
      );
      const parsed = read.input === undefined ? undefined : parseCase(read.input, this.index);
      counts =
        parsed === undefined ||
        !parsed.success ||
        parsed.data.knownCancers.length > 0 ||
        parsed.data.findings.some((f) => this.usedByARule(f.hpo));
      // Bounded: a population with ever new free-text problems must not grow the memo without end.
      if (this.conditionCodes.size >= MEMO_LIMIT) this.conditionCodes.clear();
      this.conditionCodes.set(code, counts);
    }
    return counts;
  }

  /** A term some syndrome lists (or a more or less specific one) or a tumour sign uses. */
  private usedByARule(hpo: string): boolean {
    const { listed, listedOrAncestor, signsByHpo } = this.index;
    if (listedOrAncestor.has(hpo) || signsByHpo.has(hpo)) return true;
    for (const a of this.index.ancestors(hpo)) if (listed.has(a) || signsByHpo.has(a)) return true;
    return false;
  }

  /**
   * Outside the range the engine uses for this patient (rangeFor, by sex and age), or, when sex or age is not plain,
   * outside the narrowest band of all the lab's ranges; no range to judge by counts as abnormal.
   */
  private abnormal(
    lab: Lab,
    values: readonly number[],
    who: { sex: string; age: number } | undefined,
  ): boolean {
    if (lab.referenceRanges.length === 0) return true;
    const outside = (r: { readonly low?: number | undefined; readonly high?: number | undefined }) =>
      values.some((v) => (r.low !== undefined && v < r.low) || (r.high !== undefined && v > r.high));
    if (who === undefined) return lab.referenceRanges.some(outside);
    const range = rangeFor(lab, who.sex, who.age, this.index);
    return range === undefined || outside(range);
  }

  /** Should this patient's lines go to the full engine? */
  needsEngine(lines: readonly string[]): boolean {
    let patients = 0;
    let who: { sex: string; age: number } | undefined;
    // Per test, the latest date on or before asOf (as the FHIR reader keeps it) and every value on that date.
    const latest = new Map<string, { lab: Lab; date: string; values: number[] }>();
    for (const line of lines) {
      const type = typeOfLine(line);
      if (type === 'Patient') {
        patients += 1;
        const { birthDate, gender } = patientFieldsOfLine(line);
        if (birthDate === undefined || birthDate > this.asOf) return true;
        const age = ageAt(birthDate, this.asOf);
        if (!('error' in age) && !age.approximate && (gender === 'female' || gender === 'male'))
          who = { sex: gender, age: age.age };
        continue;
      }
      if (type === undefined) return true;
      if (INERT_TYPES.has(type)) {
        if (FREE_TEXT.test(line)) return true;
        continue;
      }
      if (type === 'Observation') {
        if (isSmokingLine(line)) continue;
        const read = labOfLine(line);
        if (read === undefined) return true;
        if (read.date > this.asOf) continue;
        const lab = this.index.labByLoinc.get(read.loinc);
        if (lab === undefined || read.unit !== lab.unit) return true;
        const held = latest.get(lab.id);
        if (held === undefined || read.date > held.date)
          latest.set(lab.id, { lab, date: read.date, values: [read.value] });
        else if (read.date === held.date) held.values.push(read.value);
        continue;
      }
      if (type === 'Condition') {
        const code = conditionCodeOfLine(line);
        if (code === undefined || this.conditionCounts(code)) return true;
        continue;
      }
      return true;
    }
    if (patients !== 1) return true;
    for (const { lab, values } of latest.values()) if (this.abnormal(lab, values, who)) return true;
    return this.derivedAbnormal(latest);
  }

  /** The lab patterns that read values inside the catalogue range: albumin-corrected calcium, cancer-risk platelets. */
  private derivedAbnormal(latest: ReadonlyMap<string, { values: readonly number[] }>): boolean {
    for (const id of DERIVED_FROM) if ((latest.get(id)?.values.length ?? 0) > 1) return true;
    const calcium = latest.get('calcium')?.values[0];
    const albumin = latest.get('albumin')?.values[0];
    const cc = this.parameters('corrected-calcium');
    if (calcium !== undefined && albumin !== undefined && cc !== undefined) {
      const { normalAlbumin, factor, upperLimit, lowerLimit } = cc;
      if (
        normalAlbumin === undefined ||
        factor === undefined ||
        upperLimit === undefined ||
        lowerLimit === undefined
      )
        return true;
      const corrected = albumin < normalAlbumin ? calcium + factor * (normalAlbumin - albumin) : calcium;
      if (corrected > upperLimit || corrected < lowerLimit) return true;
    }
    const platelets = latest.get('platelets')?.values[0];
    const above = this.parameters('thrombocytosis')?.cancerRiskAbove;
    if (platelets !== undefined && (above === undefined || platelets > above)) return true;
    return false;
  }

  private parameters(pattern: string): Readonly<Record<string, number>> | undefined {
    return this.index.kb.patterns.find((p) => p.id === pattern)?.parameters;
  }
}

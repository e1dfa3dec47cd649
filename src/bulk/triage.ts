// Cheap triage: does a patient's chart hold anything a rule can use? Only those patients go to the full engine.
// Conservative by construction: whatever the line readers cannot read plainly sends the patient to the engine.
import { parseCase } from '../case/parse.js';
import { fhirToCaseInput } from '../fhir/read.js';
import type { KnowledgeIndex } from '../knowledge/index.js';
import type { Lab } from '../knowledge/schema.js';
import {
  conditionTextOfLine,
  isSmokingLine,
  labOfLine,
  patientFieldsOfLine,
  typeOfLine,
} from './line-scan.js';

/** Types that cannot flag a patient alone: medicines only explain findings away; they are read when the engine runs. */
const INERT_TYPES: ReadonlySet<string> = new Set(['MedicationStatement', 'MedicationRequest']);

/** Labs a pattern combines or reads below the catalogue's limit (see derivedAbnormal). */
const DERIVED_FROM: ReadonlySet<string> = new Set(['calcium', 'albumin', 'platelets']);

export class Triage {
  private readonly conditionTexts = new Map<string, boolean>();
  constructor(
    private readonly index: KnowledgeIndex,
    private readonly asOf: string,
  ) {}

  /** True when a problem text alone gives the case a finding or a known cancer (memoised per text). */
  private conditionCounts(text: string): boolean {
    let counts = this.conditionTexts.get(text);
    if (counts === undefined) {
      const read = fhirToCaseInput(
        [
          { resourceType: 'Patient', id: 't', gender: 'female', birthDate: '1970-01-01' },
          { resourceType: 'Condition', subject: { reference: 'Patient/t' }, code: { text } },
        ],
        { asOf: this.asOf, index: this.index },
      );
      const parsed = read.input === undefined ? undefined : parseCase(read.input, this.index);
      counts =
        parsed === undefined ||
        !parsed.success ||
        parsed.data.knownCancers.length > 0 ||
        parsed.data.findings.some((f) => this.usedByARule(f.hpo));
      this.conditionTexts.set(text, counts);
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

  /** Outside the narrowest band of the lab's reference ranges (whatever the sex or age), or no range to judge by. */
  private abnormal(lab: Lab, value: number): boolean {
    if (lab.referenceRanges.length === 0) return true;
    for (const r of lab.referenceRanges)
      if ((r.low !== undefined && value < r.low) || (r.high !== undefined && value > r.high)) return true;
    return false;
  }

  /** Should this patient's lines go to the full engine? */
  needsEngine(lines: readonly string[]): boolean {
    let patients = 0;
    // Per test, the latest date on or before asOf (as the FHIR reader keeps it) and whether a value on it is abnormal.
    const latest = new Map<string, { date: string; abnormal: boolean; value: number; tie: boolean }>();
    for (const line of lines) {
      const type = typeOfLine(line);
      if (type === 'Patient') {
        patients += 1;
        const { birthDate } = patientFieldsOfLine(line);
        if (birthDate === undefined || birthDate > this.asOf) return true;
        continue;
      }
      if (type === undefined) return true;
      if (INERT_TYPES.has(type)) continue;
      if (type === 'Observation') {
        if (isSmokingLine(line)) continue;
        const read = labOfLine(line);
        if (read === undefined) return true;
        if (read.date > this.asOf) continue;
        const lab = this.index.labByLoinc.get(read.loinc);
        if (lab === undefined || read.unit !== lab.unit) return true;
        const abnormal = this.abnormal(lab, read.value);
        const held = latest.get(lab.id);
        if (held === undefined || read.date > held.date)
          latest.set(lab.id, { date: read.date, abnormal, value: read.value, tie: false });
        else if (read.date === held.date) {
          held.tie = true;
          if (abnormal) held.abnormal = true;
        }
        continue;
      }
      if (type === 'Condition') {
        const text = conditionTextOfLine(line);
        if (text === undefined || this.conditionCounts(text)) return true;
        continue;
      }
      return true;
    }
    if (patients !== 1) return true;
    for (const v of latest.values()) if (v.abnormal) return true;
    return this.derivedAbnormal(latest);
  }

  /** The lab patterns that read values inside the catalogue range: albumin-corrected calcium, cancer-risk platelets. */
  private derivedAbnormal(latest: ReadonlyMap<string, { value: number; tie: boolean }>): boolean {
    for (const id of DERIVED_FROM) if (latest.get(id)?.tie === true) return true;
    const calcium = latest.get('calcium')?.value;
    const albumin = latest.get('albumin')?.value;
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
    const platelets = latest.get('platelets')?.value;
    const above = this.parameters('thrombocytosis')?.cancerRiskAbove;
    if (platelets !== undefined && (above === undefined || platelets > above)) return true;
    return false;
  }

  private parameters(pattern: string): Readonly<Record<string, number>> | undefined {
    return this.index.kb.patterns.find((p) => p.id === pattern)?.parameters;
  }
}

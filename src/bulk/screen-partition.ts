// One partition file → its screening answers; the unit of work of a local worker thread or a distributed worker.
import { readFile } from 'node:fs/promises';
import type { CaseInput } from '../case/schema.js';
import type { Assessment } from '../engine/assessment.js';
import type { KnowledgeIndex } from '../knowledge/index.js';
import { patientOfLine, typeOfLine } from './line-scan.js';
import { patientOf } from './partition.js';
import { type FlaggedPatient, screenPatient } from './screen-patient.js';
import { Triage } from './triage.js';

export interface PartitionResult {
  readonly flagged: FlaggedPatient[];
  /** Patients assessed (or triaged out) and not flagged. */
  notFlagged: number;
  readonly unreadable: Array<{ readonly patient: string; readonly reasons: readonly string[] }>;
  /** Resources (lines) and patients read from the partition. */
  resources: number;
  patients: number;
  /** Patients the full engine assessed (the rest had nothing a rule can use). */
  engine: number;
  /** With keepCases: each flagged patient's case and assessment, for storage. */
  readonly cases: Array<{
    readonly patient: string;
    readonly input: CaseInput;
    readonly assessment: Assessment;
  }>;
}

export interface PartitionOptions {
  readonly asOf: string;
  readonly index: KnowledgeIndex;
  /** Send only patients with something a rule can use to the engine (default true). */
  readonly triage?: boolean;
  readonly keepCases?: boolean;
}

const PATIENT_ID = /^\{\s*"resourceType"\s*:\s*"Patient"\s*,\s*"id"\s*:\s*"([^"\\]+)"/;

/** The patient a partition line belongs to: from the line text when plain, else from the parsed resource. */
function patientOfPartitionLine(line: string): string | undefined {
  const type = typeOfLine(line);
  const quick = type === 'Patient' ? PATIENT_ID.exec(line)?.[1] : patientOfLine(line);
  if (quick !== undefined) return quick;
  try {
    return patientOf(JSON.parse(line) as Record<string, unknown>);
  } catch {
    return undefined;
  }
}

const triages = new WeakMap<KnowledgeIndex, Map<string, Triage>>();

/** One triage per knowledge and date, so its memo of problem codes carries over from partition to partition. */
function triageFor(index: KnowledgeIndex, asOf: string): Triage {
  const byDate = triages.get(index) ?? new Map<string, Triage>();
  triages.set(index, byDate);
  const triage = byDate.get(asOf) ?? new Triage(index, asOf);
  byDate.set(asOf, triage);
  return triage;
}

/**
 * Group a partition (lines written by pass 1) by patient and screen each patient; patients come out in first-seen
 * order. Lines are parsed as JSON only for patients the triage sends to the engine.
 */
export async function screenPartitionFile(file: string, options: PartitionOptions): Promise<PartitionResult> {
  const text = await readFile(file, 'utf8');
  const groups = new Map<string, string[]>();
  const result: PartitionResult = {
    flagged: [],
    notFlagged: 0,
    unreadable: [],
    resources: 0,
    patients: 0,
    engine: 0,
    cases: [],
  };
  const orphans: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    if (line === '') continue;
    result.resources += 1;
    const patient = patientOfPartitionLine(line);
    if (patient === undefined) {
      orphans.push(line.slice(0, 80));
      continue;
    }
    const list = groups.get(patient);
    if (list === undefined) groups.set(patient, [line]);
    else list.push(line);
  }
  if (orphans.length > 0)
    result.unreadable.push({
      patient: '',
      reasons: orphans.map((o) => `a partition line names no patient or is not JSON: ${o}`),
    });
  const triage = options.triage === false ? undefined : triageFor(options.index, options.asOf);
  for (const [patient, lines] of groups) {
    result.patients += 1;
    if (triage !== undefined && !triage.needsEngine(lines)) {
      result.notFlagged += 1;
      continue;
    }
    result.engine += 1;
    const resources: unknown[] = [];
    const bad: string[] = [];
    for (const line of lines) {
      try {
        resources.push(JSON.parse(line));
      } catch (error) {
        bad.push(`a line is not JSON: ${(error as Error).message}`);
      }
    }
    const out = screenPatient(patient, resources, options);
    if (out.kind === 'flagged') {
      result.flagged.push(out.flagged);
      if (options.keepCases === true)
        result.cases.push({ patient, input: out.input, assessment: out.assessment });
    } else if (out.kind === 'unreadable')
      result.unreadable.push({ patient, reasons: [...bad, ...out.reasons] });
    else result.notFlagged += 1;
    if (bad.length > 0 && out.kind !== 'unreadable') result.unreadable.push({ patient, reasons: bad });
  }
  return result;
}

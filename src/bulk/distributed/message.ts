// The task message of the distributed screen: a few patients with their resources, carried in the stream itself.
import type { ScreenOutcome } from '../screen-patient.js';

/** Redis keys; one task stream and one dead-letter stream serve every run, results are kept per run. */
export const KEYS = {
  tasks: 'paraneo:screen:tasks',
  group: 'paraneo:screen:workers',
  dead: 'paraneo:screen:dead',
  results: (run: string) => `paraneo:run:${run}:results`,
  done: (run: string) => `paraneo:run:${run}:done`,
} as const;

/** Run keys left behind by a producer that died are removed by Redis after this long. */
export const RUN_TTL_SECONDS = 7 * 24 * 3600;

export interface TaskMessage {
  readonly run: string;
  readonly asOf: string;
  readonly patients: ReadonlyArray<readonly [string, readonly unknown[]]>;
}

/** What a worker stores per patient: the outcome without the full assessment. */
export type StoredOutcome =
  | { readonly kind: 'flagged'; readonly flagged: Extract<ScreenOutcome, { kind: 'flagged' }>['flagged'] }
  | Extract<ScreenOutcome, { kind: 'not-flagged' }>
  | Extract<ScreenOutcome, { kind: 'unreadable' }>;

export const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Stream entry fields of a task; `ids` repeats the patient ids so a dead letter names them even if `payload` is bad. */
export function encodeTask(task: TaskMessage): string[] {
  return [
    'run',
    task.run,
    'asOf',
    task.asOf,
    'ids',
    JSON.stringify(task.patients.map(([id]) => id)),
    'payload',
    JSON.stringify(task.patients),
  ];
}

/** Stream entry fields (flat name, value list) → an object; a repeated name keeps its last value. */
export function fieldsOf(flat: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < flat.length; i += 2) out[flat[i] as string] = flat[i + 1] as string;
  return out;
}

/** The patient ids a task names, for a dead letter; empty when even `ids` cannot be read. */
export function idsOf(fields: Record<string, string>): string[] {
  try {
    const ids: unknown = JSON.parse(fields.ids ?? '[]');
    return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** Read a task back; throws an error naming the field and the reason (the worker retries, then dead-letters it). */
export function decodeTask(fields: Record<string, string>): TaskMessage {
  const { run, asOf, payload } = fields;
  if (run === undefined || run === '') throw new Error('run: missing');
  if (asOf === undefined || !ISO_DATE.test(asOf))
    throw new Error(`asOf: must be a date YYYY-MM-DD, not ${JSON.stringify(asOf)}`);
  if (payload === undefined) throw new Error('payload: missing');
  let patients: unknown;
  try {
    patients = JSON.parse(payload);
  } catch (error) {
    throw new Error(`payload: not JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(patients)) throw new Error('payload: must be an array of [patient id, resources]');
  patients.forEach((p, i) => {
    if (
      !Array.isArray(p) ||
      p.length !== 2 ||
      typeof p[0] !== 'string' ||
      p[0] === '' ||
      !Array.isArray(p[1])
    )
      throw new Error(`payload[${i}]: must be [patient id, resources array]`);
  });
  return { run, asOf, patients: patients as TaskMessage['patients'] };
}

/** Drop the full assessment: the stored outcome is what the screen reports. */
export function storedOutcome(outcome: ScreenOutcome): StoredOutcome {
  return outcome.kind === 'flagged' ? { kind: 'flagged', flagged: outcome.flagged } : outcome;
}

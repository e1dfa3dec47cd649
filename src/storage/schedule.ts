// The follow-up schedule: the dated items of an Assessment's screening plan, and which of them are due on a date.
import type { Assessment } from '../engine/assessment.js';
import type { DueItem } from './types.js';

export interface ScheduleItem {
  readonly seq: number;
  readonly tumour: string;
  readonly test: string;
  readonly kind: 'first-line' | 'second-line' | 'repeat';
  readonly due: string;
  readonly dueBy: string | null;
  readonly reason: string;
}

export interface DerivedSchedule {
  readonly items: readonly ScheduleItem[];
  /** Set when the schedule ends here (a tumour was found, so the search for a hidden one stops). */
  readonly endedReason: string | null;
}

/**
 * The schedule an assessment implies: every dated screening item, in plan order; none once the search has found a
 * tumour (one known now that the previous assessment did not know). A cancer known from the first assessment on is
 * excluded by the engine from the search, which goes on for the others.
 *
 * @param assessment - the engine's output (its screening items are dated from its asOf)
 * @param previous - the patient's previous assessment, if any
 * @returns the items to keep and, when the search ends, why
 */
export function deriveSchedule(assessment: Assessment, previous?: Assessment): DerivedSchedule {
  if (previous !== undefined) {
    const knownBefore = new Set(previous.tumours.filter((t) => t.known).map((t) => t.id));
    const found = assessment.tumours.filter((t) => t.known && !knownBefore.has(t.id));
    if (found.length > 0)
      return {
        items: [],
        endedReason: `tumour found (${found.map((t) => t.name).join(', ')}): the search for a hidden tumour ends`,
      };
  }
  const items: ScheduleItem[] = [];
  for (const s of assessment.screening) {
    // A reported negative search is history, not a task; a tumour no search has looked for yet is a first-line task.
    if (s.due === null || s.kind === 'done') continue;
    items.push({
      seq: items.length,
      tumour: s.tumour,
      test: s.test,
      kind: s.kind === 'not-done' ? 'first-line' : s.kind,
      due: s.due,
      dueBy: s.dueBy ?? null,
      reason: s.reason,
    });
  }
  return { items, endedReason: null };
}

/**
 * The re-screens open on a date: repeat items dated on or before asOf, one entry per test with its earliest open date.
 * First- and second-line tests are ordered at the assessment itself, so they are in the schedule but not reminders.
 *
 * @param items - the patient's current schedule
 * @param asOf - YYYY-MM-DD
 */
export function dueItems(items: readonly ScheduleItem[], asOf: string): DueItem[] {
  const byTest = new Map<string, { first: ScheduleItem; missed: number }>();
  for (const item of items) {
    if (item.kind !== 'repeat' || item.due > asOf) continue;
    const key = `${item.tumour}\u0000${item.test}`;
    const seen = byTest.get(key);
    if (seen === undefined) byTest.set(key, { first: item, missed: 1 });
    else {
      seen.missed += 1;
      if (item.due < seen.first.due) seen.first = item;
    }
  }
  return [...byTest.values()]
    .map(({ first, missed }) => ({
      tumour: first.tumour,
      test: first.test,
      kind: first.kind,
      due: first.due,
      dueBy: first.dueBy,
      status: (first.dueBy ?? first.due) < asOf ? ('overdue' as const) : ('due' as const),
      missed,
      reason: first.reason,
    }))
    .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
}

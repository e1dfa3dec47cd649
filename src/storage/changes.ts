// What changed between a patient's previous and new assessment: top syndromes, verdict, PNS-Care level, labs, antibodies.
import type { CaseInput } from '../case/schema.js';
import type { Assessment } from '../engine/assessment.js';
import type { ScheduleItem } from './schedule.js';

const TOP = 3;

export interface LabChange {
  readonly labId: string;
  readonly name: string;
  readonly interpretation: string;
  readonly value: number | null;
  readonly unit: string | null;
}

export interface AssessmentChanges {
  /** The assessment compared against. */
  readonly since: { readonly assessmentId: string; readonly asOf: string };
  readonly topSyndromes: {
    readonly added: readonly { readonly id: string; readonly name: string; readonly score: number }[];
    readonly removed: readonly { readonly id: string; readonly name: string }[];
  };
  readonly verdict: { readonly from: string; readonly to: string } | null;
  readonly pnsProbability: { readonly from: number; readonly to: number };
  /** PNS-Care level, 'not scored' when the neurological module did not apply. */
  readonly pnsCareLevel: { readonly from: string; readonly to: string } | null;
  /** Labs out of range now that were not (new) and labs out of range before that no longer are (resolved). */
  readonly labsOutOfRange: { readonly new: readonly LabChange[]; readonly resolved: readonly LabChange[] };
  /** Antibody results not in the previous case, or whose result changed (matched by catalogue antibody, so "anti-Hu"
   * and "ANNA-1" are one; names Paraneo does not know are matched as written). */
  readonly antibodies: {
    readonly new: readonly { readonly name: string; readonly result: string }[];
    readonly changed: readonly { readonly name: string; readonly from: string; readonly to: string }[];
  };
  readonly tumoursFound: readonly { readonly id: string; readonly name: string }[];
  readonly schedule: {
    readonly added: readonly ScheduleItem[];
    readonly removed: readonly ScheduleItem[];
    readonly endedReason: string | null;
  };
  /** The same, one plain sentence per change (empty when nothing changed). */
  readonly summary: readonly string[];
}

export interface Snapshot {
  readonly assessmentId: string;
  readonly input: CaseInput;
  readonly assessment: Assessment;
  readonly schedule: readonly ScheduleItem[];
}

const OUT_OF_RANGE = new Set(['low', 'high', 'positive']);

function outOfRange(a: Assessment): Map<string, LabChange> {
  const out = new Map<string, LabChange>();
  // The latest value of each lab decides (labs are listed in input order).
  for (const lab of a.labs)
    out.set(lab.labId, {
      labId: lab.labId,
      name: lab.name,
      interpretation: lab.interpretation,
      value: lab.value ?? null,
      unit: lab.unit ?? null,
    });
  for (const [id, lab] of out) if (!OUT_OF_RANGE.has(lab.interpretation)) out.delete(id);
  return out;
}

const writtenKey = (name: string) => name.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * Each antibody result by what it is: the catalogue id read for it, else its name as written.
 *
 * @param byId - false to key every result by its written name (for comparing with an assessment stored before the
 *   Assessment listed antibodies)
 */
function antibodies(
  snapshot: Omit<Snapshot, 'assessmentId'>,
  byId: boolean,
): Map<string, { name: string; result: string }> {
  const idAt = new Map((snapshot.assessment.antibodies ?? []).map((a) => [a.field, a.antibodyId]));
  return new Map(
    (snapshot.input.antibodies ?? []).map((a, i) => {
      const id = byId ? idAt.get(`antibodies.${i}`) : undefined;
      return [
        id === undefined ? `name:${writtenKey(a.name)}` : `id:${id}`,
        { name: a.name, result: a.result },
      ];
    }),
  );
}

const itemKey = (i: ScheduleItem) => `${i.kind}\u0000${i.tumour}\u0000${i.test}\u0000${i.due}`;

const pct = (p: number) => `${Math.round(p * 100)}%`;

/**
 * Compare a patient's new assessment with the previous one.
 *
 * @param before - the previous assessment, its input and the schedule it gave
 * @param after - the new one
 * @param endedReason - why the new schedule ended, if it did
 */
export function describeChanges(
  before: Snapshot,
  after: Omit<Snapshot, 'assessmentId'>,
  endedReason: string | null,
): AssessmentChanges {
  const prevTop = before.assessment.syndromes.slice(0, TOP);
  const nextTop = after.assessment.syndromes.slice(0, TOP);
  const prevIds = new Set(prevTop.map((s) => s.id));
  const nextIds = new Set(nextTop.map((s) => s.id));
  const added = nextTop
    .filter((s) => !prevIds.has(s.id))
    .map((s) => ({ id: s.id, name: s.name, score: s.score }));
  const removed = prevTop.filter((s) => !nextIds.has(s.id)).map((s) => ({ id: s.id, name: s.name }));

  const verdict =
    before.assessment.pnsVerdict === after.assessment.pnsVerdict
      ? null
      : { from: before.assessment.pnsVerdict, to: after.assessment.pnsVerdict };
  const levelOf = (a: Assessment) => a.pnsCare?.level ?? 'not scored';
  const pnsCareLevel =
    levelOf(before.assessment) === levelOf(after.assessment)
      ? null
      : { from: levelOf(before.assessment), to: levelOf(after.assessment) };

  const prevLabs = outOfRange(before.assessment);
  const nextLabs = outOfRange(after.assessment);
  const newLabs = [...nextLabs.values()].filter(
    (l) => prevLabs.get(l.labId)?.interpretation !== l.interpretation,
  );
  const resolvedLabs = [...prevLabs.values()].filter((l) => !nextLabs.has(l.labId));

  const byId = before.assessment.antibodies !== undefined && after.assessment.antibodies !== undefined;
  const prevAb = antibodies(before, byId);
  const newAb: { name: string; result: string }[] = [];
  const changedAb: { name: string; from: string; to: string }[] = [];
  for (const [key, ab] of antibodies(after, byId)) {
    const was = prevAb.get(key);
    if (was === undefined) newAb.push(ab);
    else if (was.result !== ab.result) changedAb.push({ name: ab.name, from: was.result, to: ab.result });
  }

  const prevKnown = new Set(before.assessment.tumours.filter((t) => t.known).map((t) => t.id));
  const tumoursFound = after.assessment.tumours
    .filter((t) => t.known && !prevKnown.has(t.id))
    .map((t) => ({ id: t.id, name: t.name }));

  const prevItems = new Set(before.schedule.map(itemKey));
  const nextItems = new Set(after.schedule.map(itemKey));
  const schedule = {
    added: after.schedule.filter((i) => !prevItems.has(itemKey(i))),
    removed: before.schedule.filter((i) => !nextItems.has(itemKey(i))),
    endedReason,
  };

  const summary: string[] = [];
  for (const s of added) summary.push(`new in the top ${TOP}: ${s.name} (${pct(s.score)})`);
  for (const s of removed) summary.push(`no longer in the top ${TOP}: ${s.name}`);
  if (verdict !== null) summary.push(`PNS verdict ${verdict.from} → ${verdict.to}`);
  if (pnsCareLevel !== null) summary.push(`PNS-Care level ${pnsCareLevel.from} → ${pnsCareLevel.to}`);
  for (const l of newLabs)
    summary.push(
      `${l.name} now ${l.interpretation}${l.value === null ? '' : ` (${l.value}${l.unit === null ? '' : ` ${l.unit}`})`}`,
    );
  for (const l of resolvedLabs) summary.push(`${l.name} no longer ${l.interpretation}`);
  for (const a of newAb) summary.push(`new antibody result: ${a.name} ${a.result}`);
  for (const a of changedAb) summary.push(`${a.name.trim()}: ${a.from} → ${a.to}`);
  for (const t of tumoursFound) summary.push(`tumour found: ${t.name}`);
  if (endedReason !== null && before.schedule.length > 0) summary.push(`schedule ended: ${endedReason}`);
  else if (schedule.added.length > 0 || schedule.removed.length > 0)
    summary.push(
      `schedule changed: ${schedule.added.length} date(s) added, ${schedule.removed.length} removed`,
    );

  return {
    since: { assessmentId: before.assessmentId, asOf: before.assessment.asOf ?? '' },
    topSyndromes: { added, removed },
    verdict,
    pnsProbability: { from: before.assessment.pnsProbability, to: after.assessment.pnsProbability },
    pnsCareLevel,
    labsOutOfRange: { new: newLabs, resolved: resolvedLabs },
    antibodies: { new: newAb, changed: changedAb },
    tumoursFound,
    schedule,
    summary,
  };
}

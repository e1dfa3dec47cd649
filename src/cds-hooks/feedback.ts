// Feedback on cards (accepted, overridden with a reason), kept behind an interface: in memory until storage lands.
// @see https://cds-hooks.hl7.org/2.0/#feedback
import type { FeedbackEntry } from './schemas.js';

export interface StoredFeedback extends FeedbackEntry {
  readonly serviceId: string;
}

export interface FeedbackStore {
  record(serviceId: string, entries: readonly FeedbackEntry[]): Promise<void>;
  /** Every stored entry, oldest first; only one service's when serviceId is given. */
  list(serviceId?: string): Promise<readonly StoredFeedback[]>;
}

/** Keeps at most `limit` entries, dropping the oldest, so a long-running server does not grow without bound. */
export function memoryFeedbackStore(limit = 10_000): FeedbackStore {
  const entries: StoredFeedback[] = [];
  return {
    async record(serviceId, feedback) {
      for (const f of feedback) entries.push({ ...f, serviceId });
      if (entries.length > limit) entries.splice(0, entries.length - limit);
    },
    async list(serviceId) {
      return entries.filter((e) => serviceId === undefined || e.serviceId === serviceId);
    },
  };
}

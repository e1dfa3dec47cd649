// CDS Hooks feedback kept in the storage: the shape of the CDS face's in-memory FeedbackStore (record / list).
import type { Feedback, Storage } from './types.js';

export interface PersistentFeedbackStore {
  record(feedback: Feedback): Promise<void>;
  list(): Promise<readonly Feedback[]>;
}

/** A FeedbackStore whose entries go to the storage's append-only feedback table. */
export function feedbackStoreFor(storage: Storage): PersistentFeedbackStore {
  return {
    record: (feedback) => storage.recordFeedback(feedback),
    list: () => storage.listFeedback(),
  };
}

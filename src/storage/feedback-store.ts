// CDS Hooks feedback kept in the storage: the CDS face's FeedbackStore over the append-only feedback table.
import type { FeedbackStore, StoredFeedback } from '../cds-hooks/feedback.js';
import type { Feedback, Storage } from './types.js';

/** A FeedbackStore whose entries go to the storage's append-only feedback table. */
export function feedbackStoreFor(storage: Storage): FeedbackStore {
  return {
    async record(serviceId, entries) {
      for (const e of entries) await storage.recordFeedback({ ...e, service: serviceId } as Feedback);
    },
    async list(serviceId) {
      const all = await storage.listFeedback();
      return all
        .filter((f) => serviceId === undefined || f.service === serviceId)
        .map(({ service, ...f }) => ({ ...f, serviceId: service }) as StoredFeedback);
    },
  };
}

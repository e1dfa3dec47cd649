import { describe, expect, it } from 'vitest';
import { memoryFeedbackStore } from './feedback.js';
import { FeedbackRequestSchema } from './schemas.js';

const entry = (card: string) => ({
  card,
  outcome: 'accepted' as const,
  outcomeTimestamp: '2026-12-07T10:00:00Z',
});

describe('feedback', () => {
  it('keeps entries per service, oldest first, up to its limit', async () => {
    const store = memoryFeedbackStore(2);
    await store.record('a', [entry('00000000-0000-4000-8000-000000000001')]);
    await store.record('b', [
      entry('00000000-0000-4000-8000-000000000002'),
      entry('00000000-0000-4000-8000-000000000003'),
    ]);
    expect((await store.list()).map((e) => e.card.slice(-1))).toEqual(['2', '3']);
    expect(await store.list('a')).toEqual([]);
  });

  it('validates the spec shape: uuid card, known outcome, instant, override reason only when overridden', () => {
    expect(
      FeedbackRequestSchema.safeParse({ feedback: [entry('00000000-0000-4000-8000-000000000001')] }).success,
    ).toBe(true);
    const bad = FeedbackRequestSchema.safeParse({
      feedback: [{ card: 'x', outcome: 'ignored', outcomeTimestamp: '2026-12-07' }],
    });
    expect(bad.success ? [] : bad.error.issues.map((i) => i.path.join('.'))).toEqual([
      'feedback.0.card',
      'feedback.0.outcome',
      'feedback.0.outcomeTimestamp',
    ]);
    expect(FeedbackRequestSchema.safeParse({ feedback: [] }).success).toBe(false);
  });
});

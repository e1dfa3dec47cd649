import { describe, expect, it } from 'vitest';
import { assessInput, exampleInput } from '../../test/support/assess-example.js';
import { deriveSchedule, dueItems, type ScheduleItem } from './schedule.js';

const repeat = (seq: number, due: string, dueBy: string | null = null): ScheduleItem => ({
  seq,
  tumour: 'sclc',
  test: 'repeat search for Small-cell lung cancer',
  kind: 'repeat',
  due,
  dueBy,
  reason: 'r',
});

describe('dueItems', () => {
  const items: ScheduleItem[] = [
    { ...repeat(0, '2023-01-01'), kind: 'first-line', test: 'CT chest' },
    repeat(1, '2023-04-01', '2023-07-01'),
    repeat(2, '2024-01-01'),
  ];
  it('lists nothing before the first repeat date, and never the first-line tests', () => {
    expect(dueItems(items, '2023-03-31')).toEqual([]);
  });
  it('is due inside the window and overdue after it', () => {
    expect(dueItems(items, '2023-04-01')[0]).toMatchObject({ status: 'due', missed: 1, due: '2023-04-01' });
    expect(dueItems(items, '2023-07-01')[0]?.status).toBe('due');
    expect(dueItems(items, '2023-07-02')[0]?.status).toBe('overdue');
  });
  it('gives one line per test with the earliest open date and the dates missed', () => {
    expect(dueItems(items, '2024-06-01')).toEqual([
      {
        tumour: 'sclc',
        test: 'repeat search for Small-cell lung cancer',
        kind: 'repeat',
        due: '2023-04-01',
        dueBy: '2023-07-01',
        status: 'overdue',
        missed: 2,
        reason: 'r',
      },
    ]);
  });
});

describe('deriveSchedule', () => {
  const hu = exampleInput('06-anti-hu-sensory-neuronopathy-sclc.json');
  const first = assessInput(hu);
  it('keeps every dated screening item of a published anti-Hu case', () => {
    const s = deriveSchedule(first);
    expect(s.endedReason).toBeNull();
    expect(s.items.length).toBe(first.screening.length);
    expect(s.items.filter((i) => i.kind === 'repeat')[0]).toMatchObject({
      due: '2023-04-01',
      dueBy: '2023-07-01',
    });
  });
  it('ends when a tumour is newly known, not when one was known from the start', () => {
    const withSclc = assessInput({ ...hu, knownCancers: [{ text: 'small cell lung cancer' }] });
    expect(deriveSchedule(withSclc, first)).toEqual({
      items: [],
      endedReason: 'tumour found (Small-cell lung cancer): the search for a hidden tumour ends',
    });
    expect(deriveSchedule(withSclc, withSclc).endedReason).toBeNull();
    expect(deriveSchedule(withSclc).endedReason).toBeNull();
  });
});

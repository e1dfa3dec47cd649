// Task messages survive the stream unchanged; a damaged one is refused with the field and the reason.
import { describe, expect, it } from 'vitest';
import { decodeTask, encodeTask, fieldsOf, idsOf } from './message.js';

const task = {
  run: 'r1',
  asOf: '2026-01-15',
  patients: [['p1', [{ resourceType: 'Patient', id: 'p1' }]]] as [string, unknown[]][],
};

describe('task messages', () => {
  it('round-trip through the stream fields, with the patient ids readable on their own', () => {
    const fields = fieldsOf(encodeTask(task));
    expect(decodeTask(fields)).toEqual(task);
    expect(idsOf(fields)).toEqual(['p1']);
  });

  it.each([
    [{ payload: '[]', asOf: '2026-01-15' }, /^run: missing/],
    [{ run: 'r', asOf: '2026-13-01', payload: '[]' }, /^asOf: must be a date YYYY-MM-DD, not "2026-13-01"/],
    [{ run: 'r', asOf: '2026-01-15' }, /^payload: missing/],
    [{ run: 'r', asOf: '2026-01-15', payload: '[[' }, /^payload: not JSON/],
    [{ run: 'r', asOf: '2026-01-15', payload: '{}' }, /^payload: must be an array/],
    [
      { run: 'r', asOf: '2026-01-15', payload: '[["p1", {}]]' },
      /^payload\[0\]: must be \[patient id, resources array\]/,
    ],
    [{ run: 'r', asOf: '2026-01-15', payload: '[["", []]]' }, /^payload\[0\]/],
  ])('refuses %o', (fields, message) => {
    expect(() => decodeTask(fields as Record<string, string>)).toThrow(message);
  });

  it('names no patient when the ids field is damaged, instead of failing the dead letter', () => {
    expect(idsOf({ ids: 'not json' })).toEqual([]);
    expect(idsOf({ ids: '["a", 3]' })).toEqual(['a']);
  });
});

import { describe, expect, it } from 'vitest';
import { prefetchFromBundle } from './prefetch-from-bundle.js';

describe('prefetchFromBundle', () => {
  it('sorts a patient bundle into the prefetch keys, every search key filled, unknown types named', () => {
    const got = prefetchFromBundle({
      entry: [
        { resource: { resourceType: 'Patient', id: 'p1' } },
        { resource: { resourceType: 'Condition', id: 'c1' } },
        { resource: { resourceType: 'Observation', id: 'o1' } },
        { resource: { resourceType: 'Encounter', id: 'e1' } },
      ],
    });
    expect(got?.patientId).toBe('p1');
    expect(got?.prefetch.patient).toEqual({ resourceType: 'Patient', id: 'p1' });
    expect(got?.prefetch.conditions).toEqual({
      resourceType: 'Bundle',
      type: 'searchset',
      entry: [{ resource: { resourceType: 'Condition', id: 'c1' } }],
    });
    expect(got?.prefetch.vitalSigns).toEqual({ resourceType: 'Bundle', type: 'searchset', entry: [] });
    expect(got?.leftOut).toEqual(['Encounter']);
  });

  it('gives undefined without a Patient that has an id', () => {
    expect(prefetchFromBundle({ entry: [{ resource: { resourceType: 'Patient' } }] })).toBeUndefined();
    expect(prefetchFromBundle({})).toBeUndefined();
  });
});

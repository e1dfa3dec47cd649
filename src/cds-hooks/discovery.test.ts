import { describe, expect, it } from 'vitest';
import { realIndex } from '../../test/knowledge.js';
import { discovery, prefetchTemplates } from './discovery.js';
import { DiscoverySchema } from './schemas.js';

describe('discovery', () => {
  it('is valid against the spec schema and asks for the knowledge base’s LOINC codes', {
    timeout: 120_000,
  }, () => {
    const index = realIndex();
    const doc = DiscoverySchema.parse(discovery(index));
    expect(doc.services.map((s) => s.id)).toEqual([
      'paraneo-patient-view',
      'paraneo-order-select',
      'paraneo-order-sign',
    ]);
    const labs = prefetchTemplates(index).labs ?? '';
    const sodium = index.kb.labs.find((l) => l.id === 'sodium');
    expect(labs).toContain(`http://loinc.org|${sodium?.code.code}`);
    for (const s of doc.services) expect(s.usageRequirements).toMatch(/not a diagnosis/);
  });
});

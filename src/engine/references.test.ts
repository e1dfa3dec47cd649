import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessInput, exampleInput } from '../../test/support/assess-example.js';
import type { CaseInput } from '../case/schema.js';
import type { Assessment } from './assessment.js';
import { citedIds } from './references.js';

/** Every reference id in any `citations` list, found by walking every object of the assessment. */
function citedAnywhere(a: Assessment): string[] {
  const cited = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === 'object' && v !== null)
      for (const [k, x] of Object.entries(v)) {
        if (k === 'citations') for (const c of x as { ref: string }[]) cited.add(c.ref);
        else if (k !== 'references') walk(x);
      }
  };
  walk(a);
  return [...cited].sort();
}

const examples = readdirSync(new URL('../../examples/', import.meta.url)).filter((f) => f.endsWith('.json'));
// The published examples hold few treatments: this case adds remedies with claims, dose monitoring and adjustments, and a
// drug that can cause the lab pattern found.
const treated: CaseInput = {
  asOf: '2026-01-15',
  patient: { age: 66, sex: 'male', weightKg: 70, heightCm: 175, smoking: 'current' },
  findings: [{ text: 'confusion' }],
  labs: [
    { loinc: '2951-2', value: 124, unit: 'mmol/L' },
    { loinc: '2160-0', value: 2.1, unit: 'mg/dL' },
  ],
  medications: [
    { name: 'hydrochlorothiazide', dose: 25, unit: 'mg', perDay: 1, route: 'oral' },
    { name: 'azathioprine', dose: 150, unit: 'mg', perDay: 1, route: 'oral' },
    { name: 'amifampridine', dose: 10, unit: 'mg', perDay: 3, route: 'oral' },
  ],
  remedies: [{ name: 'hemlock tincture' }, { name: 'homeopathy' }, { name: 'vitamin C' }],
};
const assessments = (): Array<[string, Assessment]> => [
  ...examples.map((f): [string, Assessment] => [f, assessInput(exampleInput(f))]),
  ['treated', assessInput(treated)],
];

describe('references table', () => {
  it('lists every cited reference once, sorted, and nothing uncited, on every bundled example', () => {
    expect(examples.length).toBeGreaterThan(60);
    for (const [file, a] of assessments()) expect(Object.keys(a.references), file).toEqual(citedAnywhere(a));
  });

  it('reads every citation list the assessment holds: each list given a probe id of its own is found', () => {
    for (const [file, a] of assessments()) {
      const probes: string[] = [];
      // A copy in which every citations list, wherever it is, cites one probe reference of its own.
      const probe = (v: unknown): unknown => {
        if (Array.isArray(v)) return v.map(probe);
        if (typeof v !== 'object' || v === null) return v;
        return Object.fromEntries(
          Object.entries(v).map(([k, x]) => {
            if (k !== 'citations') return [k, probe(x)];
            probes.push(`probe-${probes.length}`);
            return [k, [{ ref: probes.at(-1), grade: 'A' }]];
          }),
        );
      };
      const copy = probe(a) as Assessment;
      expect([...citedIds(copy)].sort(), file).toEqual([...probes].sort());
    }
  });

  it('shows each reference with its label, what was read and its identifiers; citations keep only id and grade', () => {
    const a = assessInput(exampleInput('00-issue-sample.json'));
    expect(a.references['gultekin-2000']).toEqual({
      short: 'Gultekin 2000',
      read: 'abstract only',
      doi: '10.1093/brain/123.7.1481',
    });
    expect(Object.keys(a.syndromes[0]?.citations[0] ?? {})).toEqual(['ref', 'grade']);
  });
});

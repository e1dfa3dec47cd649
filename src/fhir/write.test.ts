import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DetectedIssue, Resource, RiskAssessment, ServiceRequest } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { realIndex } from '../../test/knowledge.js';
import { parseCase } from '../case/parse.js';
import { assess } from '../engine/assess.js';
import { validateFhir } from './validate.js';
import { assessmentToFhirBundle } from './write.js';

const dir = fileURLToPath(new URL('../../examples', import.meta.url));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();
const assessed = (file: string) => {
  const parsed = parseCase(JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')), realIndex());
  if (!parsed.success) throw new Error(file);
  return assess(parsed.data, realIndex());
};
const ofType = <R extends Resource>(b: ReturnType<typeof assessmentToFhirBundle>, type: string) =>
  (b.entry ?? []).map((e) => e.resource).filter((r): r is R => r?.resourceType === type);

describe('assessmentToFhirBundle', () => {
  it('writes resources that validate against FHIR R4, for every bundled example', () => {
    for (const file of files) {
      const bundle = assessmentToFhirBundle(assessed(file), { subject: 'Patient/p1' });
      const problems = [bundle, ...(bundle.entry ?? []).map((e) => e.resource as Resource)].flatMap((r) =>
        validateFhir(r)
          .filter((i) => i.severity === 'error' || i.severity === 'fatal')
          .map((i) => `${r.resourceType}: ${i.details?.text ?? i.diagnostics} @ ${i.expression?.join(',')}`),
      );
      expect(problems, file).toEqual([]);
    }
  }, 180_000); // validating every resource of every example takes about 30 s on a loaded machine here

  it('the validator does refuse a broken resource', () => {
    expect(validateFhir({ resourceType: 'RiskAssessment' } as Resource).length).toBeGreaterThan(0);
  });

  it('carries the ranking, the safety problems, the proposals with due dates and the follow-up plan', () => {
    const a = assessed('00-issue-sample.json');
    const b = assessmentToFhirBundle(a, { subject: 'Patient/p1' });
    const [risk] = ofType<RiskAssessment>(b, 'RiskAssessment');
    expect(risk?.subject).toEqual({ reference: 'Patient/p1' });
    expect(risk?.prediction?.[1]?.outcome?.coding?.[0]?.code).toBe(a.syndromes[0]?.id);
    expect(risk?.prediction?.[1]?.probabilityDecimal).toBeCloseTo(a.syndromes[0]?.score ?? -1, 4);
    expect(risk?.note?.[0]?.text).toMatch(/not a diagnosis/);
    const requests = ofType<ServiceRequest>(b, 'ServiceRequest');
    expect(requests.every((r) => r.status === 'draft' && r.intent === 'proposal')).toBe(true);
    const dated = a.screening.filter((s) => s.due !== null && s.kind !== 'done');
    expect(requests.filter((r) => r.occurrenceDateTime !== undefined)).toHaveLength(dated.length);
    if (dated.length > 0) expect(ofType(b, 'CarePlan')).toHaveLength(1);
  });

  it('writes a DetectedIssue for a never-take remedy and for a dangerous interaction', () => {
    const raw = {
      asOf: '2026-01-15',
      patient: { age: 60, sex: 'male' },
      medications: [{ name: 'carbamazepine' }, { name: 'clarithromycin' }],
      remedies: [{ name: 'hemlock tincture' }],
    };
    const parsed = parseCase(raw, realIndex());
    if (!parsed.success) throw new Error('parse');
    const issues = ofType<DetectedIssue>(
      assessmentToFhirBundle(assess(parsed.data, realIndex())),
      'DetectedIssue',
    );
    expect(
      issues.some(
        (i) =>
          i.code?.coding?.[0]?.code === 'NHP' && i.severity === 'high' && /hemlock/i.test(i.detail ?? ''),
      ),
    ).toBe(true);
    expect(
      issues.some((i) => i.code?.coding?.[0]?.code === 'DRG' && /clarithromycin/i.test(i.detail ?? '')),
    ).toBe(true);
  });

  it('gives the same Bundle for the same assessment, byte for byte', () => {
    const a = assessed('46-anti-hu-limbic-encephalitis-sclc-hyponatraemia.json');
    expect(JSON.stringify(assessmentToFhirBundle(a))).toBe(JSON.stringify(assessmentToFhirBundle(a)));
  });
});

import { describe, expect, it } from 'vitest';
import { realIndex } from '../../test/knowledge.js';
import { parseCase } from './parse.js';

const index = realIndex();
const base = { asOf: '2026-01-15', patient: { age: 59, sex: 'female', smoking: 'current' } };

function issues(raw: unknown): string[] {
  const r = parseCase(raw, index);
  return r.success ? [] : r.issues.map((i) => `${i.path}: ${i.message}`);
}

function ok(raw: unknown) {
  const r = parseCase(raw, index);
  if (!r.success) throw new Error(JSON.stringify(r.issues));
  return r.data;
}

describe('parseCase — the case contract', () => {
  it('accepts the minimal case (only patient is required)', () => {
    const c = ok({ patient: { age: 40.5, sex: 'unknown' } });
    expect(c.patient).toEqual({ age: 40.5, sex: 'unknown', smoking: 'unknown' });
    expect(c.findings).toEqual([]);
  });

  it('refuses every bad field at once, each named by its path', () => {
    const found = issues({
      asOf: '15/01/2026',
      patient: { age: -3, sex: 'woman', smoking: 'sometimes' },
      findings: [{ hpo: 'HP:1' }, { hpo: 'HP:0001250', text: 'both' }],
      labs: [{ value: 3 }],
      antibodies: [{ name: 'Hu', result: 'weakly' }],
      followUpMonths: -1,
      extra: true,
    });
    const paths = found.map((f) => f.split(':')[0]);
    expect(paths).toEqual(
      expect.arrayContaining([
        'asOf',
        'patient.age',
        'patient.sex',
        'patient.smoking',
        'findings.0.hpo',
        'findings.1',
        'labs.0',
        'antibodies.0.result',
        'followUpMonths',
        '(root)',
      ]),
    );
  });

  it('refuses a wrong type with the field named', () => {
    expect(issues({ patient: { age: '59', sex: 'female' } })).toEqual([
      'patient.age: Invalid input: expected number, received string',
    ]);
    expect(issues({ patient: { age: 130, sex: 'female' } })[0]).toMatch(/^patient\.age: age above 120/);
  });

  it('refuses an HPO id that does not exist', () => {
    expect(issues({ ...base, findings: [{ hpo: 'HP:9999999' }] })).toEqual([
      'findings.0.hpo: unknown HPO id HP:9999999',
    ]);
  });

  it('names schema and resolution problems in one answer (an impossible age does not hide an unknown HPO id)', () => {
    expect(
      issues({
        patient: { age: 130, sex: 'female' },
        findings: [{ hpo: 'HP:0001250' }, { hpo: 'HP:9999999' }, { text: '' }],
        labs: [{ name: 'sodium', value: 3, unit: 'furlongs' }],
      }).map((i) => i.split(':')[0]),
    ).toEqual(['patient.age', 'findings.2.text', 'findings.1.hpo', 'labs.0.unit']);
  });

  it('refuses a unit that does not fit the test, naming the lab', () => {
    const found = issues({ ...base, labs: [{ loinc: '2951-2', value: 3, unit: 'kg' }] });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^labs\.0\.unit: .*Sodium/);
    expect(issues({ ...base, labs: [{ name: 'sodium', value: 3, unit: 'furlongs' }] })[0]).toMatch(
      /not a UCUM unit/,
    );
    expect(issues({ ...base, labs: [{ name: 'sodium', value: 130 }] })[0]).toMatch(
      /^labs\.0\.unit: .*needs a UCUM unit/,
    );
    expect(issues({ ...base, labs: [{ name: 'sodium', value: 'lowish' }] })[0]).toMatch(/^labs\.0\.value:/);
  });

  it('converts units to the canonical one (mEq/L sodium is mmol/L)', () => {
    const c = ok({ ...base, labs: [{ name: 'Na', value: 119, unit: 'mEq/L' }] });
    expect(c.labs[0]).toMatchObject({ labId: 'sodium', loinc: '2951-2', value: 119, unit: 'mmol/L' });
  });

  it('lists what it only partly understood under unrecognised, never dropping it', () => {
    const c = ok({
      ...base,
      findings: [{ text: 'likes gardening' }],
      notes: ['Lives alone. No fever.'],
      labs: [{ name: 'zinc protoporphyrin', value: 3, unit: 'ug/dL' }],
      antibodies: [{ name: 'anti-Qq', result: 'positive' }],
      knownCancers: [{ text: 'something on the skin, removed' }],
    });
    expect(c.unrecognised.map((u) => u.field)).toEqual([
      'findings.0.text',
      'notes.0',
      'labs.0',
      'antibodies.0.name',
      'knownCancers.0.text',
    ]);
    expect(c.findings.map((f) => `${f.hpo}${f.present ? '+' : '-'}`)).toEqual(['HP:0001945-']);
  });

  it('resolves an antibody written any common way to one catalogue entry', () => {
    for (const name of ['anti-Hu', 'ANNA-1', 'Hu', 'anti-Hu (ANNA-1)', 'Hu antibody', 'ANTI-HU ANTIBODIES'])
      expect(
        ok({ ...base, antibodies: [{ name, result: 'positive' }] }).antibodies[0]?.antibodyId,
        name,
      ).toBe('hu');
  });

  it('finds the tumour type inside a known-cancer sentence', () => {
    const c = ok({ ...base, knownCancers: [{ text: 'bladder carcinoma treated 6 months ago' }] });
    expect(c.knownCancers[0]?.tumourId).toBe('bladder-cancer');
  });

  it('reads coded, written and negated findings', () => {
    const c = ok({
      ...base,
      findings: [
        { hpo: 'HP:0001250' },
        { text: 'recent change in memory' },
        { hpo: 'HP:0001945', present: false },
      ],
    });
    expect(c.findings.map((f) => `${f.hpo}${f.present ? '+' : '-'}:${f.source.kind}`)).toEqual([
      'HP:0001250+:coded',
      'HP:0002354+:text',
      'HP:0001945-:coded',
    ]);
  });

  it('reads an obsolete HPO id as its replacement and says so; one with no replacement is listed, not used', () => {
    const c = ok({
      ...base,
      findings: [{ hpo: 'HP:0003152' }, { hpo: 'HP:0004715', present: false }, { hpo: 'HP:0033372' }],
    });
    expect(c.findings.map((f) => `${f.hpo}${f.present ? '+' : '-'}`)).toEqual(['HP:0031415+', 'HP:0000003-']);
    expect(c.unrecognised.map((u) => `${u.field} ${u.value}: ${u.reason}`)).toEqual([
      'findings.0.hpo HP:0003152: obsolete HPO id: read as its replacement HP:0031415 (High serum calcitriol)',
      'findings.1.hpo HP:0004715: obsolete HPO id: read as its replacement HP:0000003 (Multicystic kidney dysplasia)',
      'findings.2.hpo HP:0033372: obsolete HPO id with no replacement: not used',
    ]);
  });
});

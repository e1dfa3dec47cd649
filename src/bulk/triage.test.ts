// The triage may only keep from the engine patients the engine would not flag: checked patient by patient on a
// generated population (planted pictures and look-alike controls included), and on single lines that must go through.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writePopulation } from '../../scripts/gen-population-lib.js';
import { realIndex } from '../../test/knowledge.js';
import { patientOfLine, typeOfLine } from './line-scan.js';
import { screenPatient } from './screen-patient.js';
import { Triage } from './triage.js';

const AS_OF = '2026-12-01';
const subject = '"subject":{"reference":"Patient/p"}';
const patient = (gender: string) =>
  `{"resourceType":"Patient","id":"p","gender":"${gender}","birthDate":"1961-04-02"}`;
const haemoglobin = (value: number) =>
  `{"resourceType":"Observation","id":"o1","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"718-7","display":"Hemoglobin [Mass/volume] in Blood"}]},${subject},"effectiveDateTime":"2026-10-01","valueQuantity":{"value":${value},"unit":"g/dL","system":"http://unitsofmeasure.org","code":"g/dL"}}`;
const condition = (code: string, extra = '') =>
  `{"resourceType":"Condition","id":"c1","clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"active"}]},"category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-category","code":"problem-list-item"}]}],"code":${code},${subject},"onsetDateTime":"2019-03-01"${extra}}`;
const medication = (extra = '') =>
  `{"resourceType":"MedicationStatement","id":"m1","status":"active","medicationCodeableConcept":{"text":"metformin"},${subject}${extra}}`;

describe('triage', () => {
  const triage = () => new Triage(realIndex(), AS_OF);
  const engineOn = (...lines: string[]) => triage().needsEngine(lines);

  it('reads a problem with the usual status codings by its code: a plain one stays out, a cancer goes in', () => {
    expect(engineOn(patient('female'), condition('{"text":"Hyperlipidaemia"}'))).toBe(false);
    expect(engineOn(patient('female'), condition('{"text":"Small cell carcinoma of lung"}'))).toBe(true);
    expect(
      engineOn(
        patient('female'),
        condition('{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10","code":"C34.9"}]}'),
      ),
    ).toBe(true);
    expect(
      engineOn(
        patient('female'),
        condition('{"coding":[{"system":"http://purl.obolibrary.org/obo/hp.owl","code":"HP:0001251"}]}'),
      ),
    ).toBe(true);
  });

  it('sends any free text (a note, a narrative) or an element it does not know to the engine', () => {
    const plain = '{"text":"Hyperlipidaemia"}';
    expect(engineOn(patient('male'), condition(plain, ',"note":[{"text":"weak legs, dry mouth"}]'))).toBe(
      true,
    );
    expect(
      engineOn(
        patient('male'),
        condition(plain, ',"text":{"status":"additional","div":"<div>ataxia</div>"}'),
      ),
    ).toBe(true);
    expect(engineOn(patient('male'), condition(plain, ',"evidence":[{"detail":[]}]'))).toBe(true);
    expect(engineOn(patient('male'), medication())).toBe(false);
    expect(engineOn(patient('male'), medication(',"note":[{"text":"started for new hyponatraemia"}]'))).toBe(
      true,
    );
  });

  it("judges a lab by the engine's range for the patient's sex: Hb 12.5 g/dL is low in a man, normal in a woman", () => {
    expect(engineOn(patient('female'), haemoglobin(12.5))).toBe(false);
    expect(engineOn(patient('male'), haemoglobin(12.5))).toBe(true);
    expect(engineOn(haemoglobin(12.5), patient('female'))).toBe(false);
    expect(engineOn(patient('unknown'), haemoglobin(12.5))).toBe(true);
    expect(engineOn(patient('female'), haemoglobin(16.3))).toBe(true);
  });

  describe('on a generated population', () => {
    let groups: Map<string, string[]>;
    let planted: string[];
    beforeAll(async () => {
      const out = mkdtempSync(join(tmpdir(), 'paraneo-triage-'));
      const { manifest, files } = await writePopulation({ patients: 400, out, index: realIndex(), seed: 17 });
      planted = Object.entries(manifest.entries)
        .filter(([, e]) => e.kind === 'planted')
        .map(([id]) => id);
      groups = new Map();
      for (const file of files)
        for (const line of readFileSync(file, 'utf8').split('\n')) {
          if (line === '' || typeOfLine(line) === 'Encounter') continue;
          const id =
            typeOfLine(line) === 'Patient'
              ? (JSON.parse(line) as { id: string }).id
              : (patientOfLine(line) as string);
          groups.set(id, [...(groups.get(id) ?? []), line]);
        }
    }, 120_000);

    it('keeps out only patients the engine does not flag, sends every planted patient in, and keeps many out', () => {
      const t = triage();
      let out = 0;
      for (const [id, lines] of groups) {
        if (t.needsEngine(lines)) continue;
        out += 1;
        const outcome = screenPatient(
          id,
          lines.map((l) => JSON.parse(l) as unknown),
          { asOf: AS_OF, index: realIndex() },
        );
        expect({ id, kind: outcome.kind }).toEqual({ id, kind: 'not-flagged' });
      }
      for (const id of planted) expect(t.needsEngine(groups.get(id) ?? [])).toBe(true);
      expect(groups.size).toBe(400);
      expect(out).toBeGreaterThan(120);
    }, 120_000);
  });
});

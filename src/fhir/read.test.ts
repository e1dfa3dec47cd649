import type { Bundle, Observation, Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { realIndex } from '../../test/knowledge.js';
import { parseCase } from '../case/parse.js';
import { fhirToCaseInput } from './read.js';

const LOINC = 'http://loinc.org';
const UCUM = 'http://unitsofmeasure.org';
const subject = { reference: 'Patient/p1' };
const patient: Resource = { resourceType: 'Patient', id: 'p1', gender: 'female', birthDate: '1954-06-30' };
const bundle = (...resources: Resource[]): Bundle => ({
  resourceType: 'Bundle',
  type: 'collection',
  entry: [patient, ...resources].map((resource) => ({ resource })),
});
const read = (body: unknown, asOf = '2013-01-01') => fhirToCaseInput(body, { asOf, index: realIndex() });
const reasonAt = (r: ReturnType<typeof read>, field: string) =>
  r.unrecognised.find((u) => u.field === field)?.reason;

describe('Patient', () => {
  it('gives the age in whole years at asOf and the sex', () => {
    const r = read(bundle());
    expect(r.issues).toEqual([]);
    expect(r.input?.patient).toEqual({ age: 58, sex: 'female' });
    expect(read(bundle(), '2013-06-30').input?.patient.age).toBe(59);
    expect(r.patientReference).toBe('Patient/p1');
  });

  it('refuses input without a patient, with two patients, or born after asOf, naming the element', () => {
    expect(read({ resourceType: 'Bundle', type: 'collection', entry: [] }).issues[0]?.message).toMatch(
      /no Patient/,
    );
    const two = bundle({ resourceType: 'Patient', id: 'p2', birthDate: '1960-01-01' });
    expect(read(two).issues[0]).toMatchObject({ expression: 'Bundle.entry[1].resource', severity: 'error' });
    const unborn = read([{ ...patient, birthDate: '2020-01-01' }]);
    expect(unborn.input).toBeUndefined();
    expect(unborn.issues[0]).toMatchObject({ expression: 'Bundle.entry[0].resource.birthDate' });
    expect(read([{ ...patient, birthDate: undefined }]).issues[0]?.message).toMatch(/missing/);
    expect(read({ resourceType: 'Bundle', entry: [{ resource: { id: 'x' } }] }).issues[0]?.message).toMatch(
      /resourceType/,
    );
  });

  it('says when a partial birth date makes the age approximate', () => {
    const r = read([{ ...patient, birthDate: '1954' }]);
    expect(r.input?.patient.age).toBe(58);
    expect(reasonAt(r, 'Bundle.entry[0].resource.birthDate')).toMatch(/partial birth date/);
  });
});

describe('Condition', () => {
  it('reads HPO codes as findings, refuted as absent, and free text for the text matcher', () => {
    const r = read(
      bundle(
        {
          resourceType: 'Condition',
          subject,
          code: { coding: [{ system: 'http://purl.obolibrary.org/obo/hp.owl', code: 'HP:0001250' }] },
        },
        {
          resourceType: 'Condition',
          subject,
          verificationStatus: { coding: [{ code: 'refuted' }] },
          code: { coding: [{ system: 'http://human-phenotype-ontology.org', code: 'HP:0001251' }] },
        },
        { resourceType: 'Condition', subject, code: { text: 'short-term memory loss' } },
      ),
    );
    expect(r.input?.findings).toEqual([
      { hpo: 'HP:0001250', present: true },
      { hpo: 'HP:0001251', present: false },
      { text: 'short-term memory loss', present: true },
    ]);
    expect(r.sourceOf?.('findings.2.text')).toBe('Bundle.entry[3].resource.code');
  });

  it('reads neoplasms as known cancers, naming an ICD-10 code by the catalogued tumour', () => {
    const r = read(
      bundle(
        {
          resourceType: 'Condition',
          subject,
          code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10', code: 'C34.1' }] },
        },
        { resourceType: 'Condition', subject, code: { text: 'Small cell carcinoma of lung' } },
      ),
    );
    expect(r.input?.knownCancers).toHaveLength(2);
    expect(r.input?.knownCancers?.[1]).toEqual({ text: 'Small cell carcinoma of lung' });
    expect(r.input?.findings).toEqual([]);
  });

  it('lists uncertain, resolved, erroneous and later conditions as not used, with the reason', () => {
    const r = read(
      bundle(
        {
          resourceType: 'Condition',
          subject,
          verificationStatus: { coding: [{ code: 'provisional' }] },
          code: { text: 'ataxia' },
        },
        {
          resourceType: 'Condition',
          subject,
          clinicalStatus: { coding: [{ code: 'resolved' }] },
          code: { text: 'seizures' },
        },
        {
          resourceType: 'Condition',
          subject,
          verificationStatus: { coding: [{ code: 'entered-in-error' }] },
          code: { text: 'x' },
        },
        { resourceType: 'Condition', subject, onsetDateTime: '2014-01-01', code: { text: 'ataxia' } },
      ),
    );
    expect(r.input?.findings).toEqual([]);
    expect(reasonAt(r, 'Bundle.entry[1].resource')).toMatch(/uncertain/);
    expect(reasonAt(r, 'Bundle.entry[2].resource')).toMatch(/clinicalStatus resolved/);
    expect(reasonAt(r, 'Bundle.entry[3].resource')).toMatch(/entered in error/);
    expect(reasonAt(r, 'Bundle.entry[4].resource')).toMatch(/after asOf/);
  });
});

describe('Observation', () => {
  const calcium = (value: number, date: string): Observation => ({
    resourceType: 'Observation',
    status: 'final',
    subject,
    code: { coding: [{ system: LOINC, code: '17861-6' }] },
    effectiveDateTime: date,
    valueQuantity: { value, unit: 'mg/dL', system: UCUM, code: 'mg/dL' },
  });

  it('keeps the latest value per test as of asOf and lists the others', () => {
    const r = read(
      bundle(calcium(10.1, '2012-10-01'), calcium(13.2, '2012-12-20'), calcium(9.0, '2013-03-01')),
    );
    expect(r.input?.labs).toEqual([{ loinc: '17861-6', value: 13.2, unit: 'mg/dL', date: '2012-12-20' }]);
    expect(reasonAt(r, 'Bundle.entry[1].resource')).toMatch(/earlier result .*2012-12-20/);
    expect(reasonAt(r, 'Bundle.entry[3].resource')).toMatch(/after asOf/);
    expect(r.sourceOf?.('labs.0.unit')).toBe('Bundle.entry[2].resource.valueQuantity');
  });

  it('reads qualitative results from interpretation, coded answers and strings', () => {
    const r = read(
      bundle({
        resourceType: 'Observation',
        status: 'final',
        subject,
        code: { text: 'sodium' },
        interpretation: [{ coding: [{ code: 'L' }] }],
      }),
    );
    expect(r.input?.labs).toEqual([{ name: 'sodium', value: 'low' }]);
  });

  it('reads antibodies by the name laboratories print, with titre and specimen', () => {
    const r = read(
      bundle({
        resourceType: 'Observation',
        status: 'final',
        subject,
        code: { text: 'Anti-Hu (ANNA-1) antibody' },
        specimen: { display: 'CSF' },
        valueString: '1:640',
      }),
    );
    expect(r.input?.antibodies).toEqual([
      { name: 'Anti-Hu (ANNA-1) antibody', result: 'positive', specimen: 'csf', titre: '1:640' },
    ]);
  });

  it('never uses a bound, a unitless number, a missing value or an unknown test as a value', () => {
    const r = read(
      bundle(
        {
          ...calcium(2, '2012-01-01'),
          valueQuantity: { value: 2, comparator: '<', code: 'mg/dL', system: UCUM },
        },
        {
          resourceType: 'Observation',
          status: 'final',
          subject,
          code: { text: 'sodium' },
          valueString: '128',
        },
        {
          resourceType: 'Observation',
          status: 'final',
          subject,
          code: { text: 'sodium' },
          dataAbsentReason: { text: 'haemolysed' },
        },
        {
          resourceType: 'Observation',
          status: 'final',
          subject,
          code: { coding: [{ system: LOINC, code: '8867-4', display: 'Heart rate' }] },
          valueQuantity: { value: 80 },
        },
        { resourceType: 'Observation', status: 'cancelled', subject, code: { text: 'sodium' } },
      ),
    );
    expect(r.input?.labs).toEqual([]);
    expect(reasonAt(r, 'Bundle.entry[1].resource.valueQuantity')).toMatch(/bound/);
    expect(reasonAt(r, 'Bundle.entry[2].resource.valueString')).toMatch(/without a unit/);
    expect(reasonAt(r, 'Bundle.entry[3].resource')).toMatch(/dataAbsentReason/);
    expect(reasonAt(r, 'Bundle.entry[4].resource')).toMatch(/catalogue/);
    expect(reasonAt(r, 'Bundle.entry[5].resource')).toMatch(/cancelled/);
  });

  it('reads weight, height and smoking status into the patient', () => {
    const r = read(
      bundle(
        {
          resourceType: 'Observation',
          status: 'final',
          subject,
          code: { coding: [{ system: LOINC, code: '29463-7' }] },
          valueQuantity: { value: 154, system: UCUM, code: '[lb_av]' },
        },
        {
          resourceType: 'Observation',
          status: 'final',
          subject,
          code: { coding: [{ system: LOINC, code: '8302-2' }] },
          valueQuantity: { value: 1.7, system: UCUM, code: 'm' },
        },
        {
          resourceType: 'Observation',
          status: 'final',
          subject,
          code: { coding: [{ system: LOINC, code: '72166-2' }] },
          valueCodeableConcept: { coding: [{ system: 'http://snomed.info/sct', code: '8517006' }] },
        },
      ),
    );
    expect(r.input?.patient).toEqual({
      age: 58,
      sex: 'female',
      weightKg: 69.9,
      heightCm: 170,
      smoking: 'former',
    });
  });
});

describe('medications, remedies and notes', () => {
  it('reads orders as medications, drafts and proposals as the plan, remedies by name, and plain-text notes', () => {
    const r = read(
      bundle(
        {
          resourceType: 'MedicationStatement',
          status: 'active',
          subject,
          medicationCodeableConcept: {
            coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '2002' }],
            text: 'carbamazepine',
          },
          dosage: [
            {
              doseAndRate: [{ doseQuantity: { value: 200, system: UCUM, code: 'mg' } }],
              timing: { repeat: { frequency: 2, period: 1, periodUnit: 'd' } },
              route: { text: 'PO' },
            },
          ],
        },
        {
          resourceType: 'MedicationRequest',
          status: 'draft',
          intent: 'order',
          subject,
          medicationCodeableConcept: { text: 'clarithromycin' },
        },
        {
          resourceType: 'MedicationRequest',
          status: 'stopped',
          intent: 'order',
          subject,
          medicationCodeableConcept: { text: 'citalopram' },
        },
        {
          resourceType: 'MedicationStatement',
          status: 'active',
          subject,
          medicationCodeableConcept: { text: 'hemlock tincture' },
        },
        {
          resourceType: 'DocumentReference',
          status: 'current',
          subject,
          content: [
            {
              attachment: {
                contentType: 'text/plain',
                data: Buffer.from('Denies fever. Ataxia.').toString('base64'),
              },
            },
            { attachment: { contentType: 'application/pdf', url: 'http://x/y.pdf' } },
          ],
        },
      ),
    );
    expect(r.input?.medications).toEqual([
      { name: 'carbamazepine', rxnorm: '2002', dose: 200, unit: 'mg', perDay: 2, route: 'oral' },
    ]);
    expect(r.input?.plan).toEqual([{ name: 'clarithromycin' }]);
    expect(r.input?.remedies).toEqual([{ name: 'hemlock tincture' }]);
    expect(r.input?.notes).toEqual(['Denies fever. Ataxia.']);
    expect(reasonAt(r, 'Bundle.entry[3].resource')).toMatch(/status stopped/);
    expect(reasonAt(r, 'Bundle.entry[5].resource.content[1].attachment')).toMatch(/text\/plain/);
  });

  it('lists malformed content instead of failing on it', () => {
    const r = read(
      bundle({ resourceType: 'DocumentReference', status: 'current', subject, content: [{}] } as Resource),
    );
    expect(r.input?.notes).toEqual([]);
    expect(reasonAt(r, 'Bundle.entry[1].resource.content[0].attachment')).toMatch(/without an attachment/);
  });

  it('lists a resource of the wrong shape instead of failing on it', () => {
    const r = read(bundle({ resourceType: 'Condition', subject, code: 'ataxia' } as unknown as Resource));
    expect(r.issues).toEqual([]);
    expect(reasonAt(r, 'Bundle.entry[1].resource')).toMatch(/not a well-formed Condition|no HPO code/);
  });

  it('lists resources about another patient and resource types it does not read', () => {
    const r = read(
      bundle(
        { resourceType: 'Condition', subject: { reference: 'Patient/other' }, code: { text: 'ataxia' } },
        { resourceType: 'AllergyIntolerance', id: 'a1', patient: subject },
      ),
    );
    expect(r.input?.findings).toEqual([]);
    expect(reasonAt(r, 'Bundle.entry[1].resource')).toMatch(/another patient/);
    expect(reasonAt(r, 'Bundle.entry[2].resource')).toMatch(/AllergyIntolerance is not read/);
  });
});

describe('the case it gives', () => {
  it('parses and is assessed like the native case (example 46, anti-Hu limbic encephalitis)', () => {
    const r = read(
      bundle(
        ...['HP:0001250', 'HP:0002354', 'HP:0000736'].map(
          (code): Resource => ({
            resourceType: 'Condition',
            subject,
            code: { coding: [{ system: 'http://purl.obolibrary.org/obo/hp.owl', code }] },
          }),
        ),
        {
          resourceType: 'Observation',
          status: 'final',
          subject,
          code: { text: 'anti-Hu' },
          valueCodeableConcept: { text: 'Positive' },
          specimen: { display: 'serum' },
        },
      ),
    );
    const parsed = parseCase(r.input, realIndex());
    expect(parsed.success).toBe(true);
    if (parsed.success)
      expect(parsed.data.antibodies[0]).toMatchObject({
        antibodyId: 'hu',
        result: 'positive',
        specimen: 'serum',
      });
  });
});

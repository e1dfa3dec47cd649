// FHIR R4 out: the Assessment as a Bundle of a RiskAssessment, DetectedIssues, proposed ServiceRequests and a CarePlan.
import type {
  Annotation,
  Bundle,
  BundleEntry,
  CarePlan,
  CarePlanActivity,
  DetectedIssue,
  Patient,
  Reference,
  Resource,
  RiskAssessment,
  RiskAssessmentPrediction,
  ServiceRequest,
} from '@medplum/fhirtypes';
import type { Assessment, Citation, Contribution } from '../engine/assessment.js';
import type { SafetyFlag } from '../engine/treatment/types.js';
import { PARANEO } from './codes.js';
import { uuidOf } from './ids.js';

export interface WriteOptions {
  /** The patient the assessment is about, e.g. Patient/123 (from the FHIR reader); else the case id is shown. */
  readonly subject?: string | undefined;
}

const ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
const SEVERITY: Readonly<Record<SafetyFlag['severity'], NonNullable<DetectedIssue['severity']>>> = {
  contraindicated: 'high',
  major: 'high',
  moderate: 'moderate',
  minor: 'low',
};

function citationUrl(c: Citation): string | undefined {
  if (c.pmid !== undefined) return `https://pubmed.ncbi.nlm.nih.gov/${c.pmid}/`;
  if (c.doi !== undefined) return `https://doi.org/${c.doi}`;
  return c.url;
}

function citationNote(citations: readonly Citation[]): Annotation[] {
  if (citations.length === 0) return [];
  const list = citations.map(
    (c) => `${c.short} (grade ${c.grade}${c.read === undefined ? '' : `, ${c.read}`})`,
  );
  return [{ text: `Sources: ${list.join('; ')}` }];
}

const round = (p: number): number => Math.round(p * 10000) / 10000;

function rationale(s: Assessment['syndromes'][number]): string {
  const list = (cs: readonly Contribution[]) => cs.map((c) => `${c.label} (${c.observed})`).join('; ');
  const parts = [
    s.for.length === 0 ? '' : `For: ${list(s.for)}`,
    s.against.length === 0 ? '' : `Against: ${list(s.against)}`,
  ];
  return parts.filter((p) => p !== '').join('. ');
}

function riskAssessment(a: Assessment, subject: Reference<Patient>): RiskAssessment {
  const syndromes: RiskAssessmentPrediction[] = a.syndromes.map((s) => ({
    outcome: { coding: [{ system: `${PARANEO}/syndrome`, code: s.id, display: s.name }], text: s.name },
    probabilityDecimal: round(s.score),
    ...(s.for.length === 0 && s.against.length === 0 ? {} : { rationale: rationale(s) }),
  }));
  const tumours: RiskAssessmentPrediction[] = a.tumours.map((t) => ({
    outcome: {
      coding: [{ system: `${PARANEO}/tumour`, code: t.id, display: t.name }],
      text: `Underlying tumour: ${t.name}${t.known ? ' (known)' : ''}`,
    },
    probabilityDecimal: round(t.score),
    ...(t.why.length === 0 ? {} : { rationale: t.why.map((w) => w.reason).join('; ') }),
  }));
  return {
    resourceType: 'RiskAssessment',
    status: 'final',
    subject,
    ...(a.asOf === null ? {} : { occurrenceDateTime: a.asOf }),
    method: { text: `Paraneo (knowledge ${a.knowledgeVersion})` },
    code: { text: 'Paraneoplastic syndrome assessment' },
    prediction: [
      {
        outcome: { text: `Any catalogued paraneoplastic syndrome (verdict: ${a.pnsVerdict})` },
        probabilityDecimal: round(a.pnsProbability),
      },
      ...syndromes,
      ...tumours,
    ],
    note: [{ text: a.disclaimer }],
  };
}

function detectedIssues(a: Assessment, subject: Reference<Patient>): DetectedIssue[] {
  const out: DetectedIssue[] = [];
  const issue = (
    code: string,
    display: string,
    severity: NonNullable<DetectedIssue['severity']>,
    detail: string,
    citations: readonly Citation[],
    mitigation?: string,
  ): DetectedIssue => {
    const reference = citations.map(citationUrl).find((u) => u !== undefined);
    return {
      resourceType: 'DetectedIssue',
      status: 'preliminary',
      code: { coding: [{ system: ACT_CODE, code, display }], text: display },
      severity,
      patient: subject,
      detail,
      ...(reference === undefined ? {} : { reference }),
      ...(mitigation === undefined ? {} : { mitigation: [{ action: { text: mitigation } }] }),
    };
  };
  for (const f of a.treatment.safety) {
    const [code, display] =
      f.kind === 'interaction'
        ? (['DRG', 'Drug Interaction Alert'] as const)
        : f.kind === 'remedy-hazard'
          ? (['NHP', 'Natural Health Product Alert'] as const)
          : (['COND', 'Condition Alert'] as const);
    out.push(
      issue(
        code,
        display,
        SEVERITY[f.severity],
        `${f.between.join(' + ')}: ${f.text}`,
        f.citations,
        f.management,
      ),
    );
  }
  for (const d of a.treatment.doseChecks)
    if (d.verdict === 'above-maximum')
      out.push(
        issue(
          'DOSE',
          'Dosage problem',
          'high',
          `${d.name} ${d.given}: above the maximum. ${d.reasons.join(' ')}`,
          d.citations,
        ),
      );
  for (const r of a.treatment.remedies)
    if (r.verdict === 'never-take' || r.verdict === 'harmful')
      out.push(
        issue(
          'NHP',
          'Natural Health Product Alert',
          r.verdict === 'never-take' ? 'high' : 'moderate',
          `${r.name}: ${r.verdict === 'never-take' ? 'never take' : 'harmful'}. ${r.hazards.map((h) => h.text).join(' ')}`,
          r.hazards.flatMap((h) => h.citations),
        ),
      );
  for (const p of a.treatment.physiotherapy)
    if (p.verdict === 'contraindicated')
      out.push(
        issue(
          'COND',
          'Condition Alert',
          'moderate',
          `${p.name}: contraindicated. ${p.reasons.map((r) => r.text).join(' ')}`,
          p.reasons.flatMap((r) => r.citations),
        ),
      );
  return out;
}

/** Screening items still to do (a reported negative search is history, not a proposal). */
function screeningTasks(a: Assessment): Assessment['screening'] {
  return a.screening.filter((s) => s.kind !== 'done');
}

function serviceRequests(a: Assessment, subject: Reference<Patient>): ServiceRequest[] {
  const proposal = (
    text: string,
    reason: string,
    citations: readonly Citation[],
    due?: string | null,
  ): ServiceRequest => ({
    resourceType: 'ServiceRequest',
    status: 'draft',
    intent: 'proposal',
    code: { text },
    subject,
    reasonCode: [{ text: reason }],
    ...(due === undefined || due === null ? {} : { occurrenceDateTime: due }),
    ...(citations.length === 0 ? {} : { note: citationNote(citations) }),
  });
  return [
    ...a.antibodyPanel.map((p) =>
      proposal(
        `${p.name} antibody (${p.specimen.join(' and ')}; ${p.method})`,
        `to test for ${p.forSyndrome}`,
        p.citations,
      ),
    ),
    ...a.workup
      .filter((w) => !w.held)
      .map((w) => proposal(w.test, `${w.reason} (${w.syndrome})`, w.citations)),
    ...screeningTasks(a).map((s) =>
      proposal(`${s.test} (${s.kind} search for ${s.tumour})`, s.reason, s.citations, s.due),
    ),
  ];
}

function carePlan(
  a: Assessment,
  subject: Reference<Patient>,
  screening: readonly { fullUrl: string; due: string | null; text: string }[],
): CarePlan | undefined {
  const activity: CarePlanActivity[] = screening
    .filter((s) => s.due !== null)
    .map((s) => ({ reference: { reference: s.fullUrl, display: `${s.text}, due ${s.due}` } }));
  if (activity.length === 0) return undefined;
  return {
    resourceType: 'CarePlan',
    status: 'draft',
    intent: 'proposal',
    title: 'Tumour screening follow-up (Paraneo proposal)',
    description: `Repeat tumour searches and their due dates, from the screening plan. ${a.disclaimer}`,
    subject,
    ...(a.asOf === null ? {} : { created: a.asOf }),
    activity,
  };
}

/** The Assessment as a FHIR R4 collection Bundle; ids are derived from the content, so output is reproducible. */
export function assessmentToFhirBundle(a: Assessment, options: WriteOptions = {}): Bundle {
  const subject: Reference<Patient> =
    options.subject !== undefined
      ? { reference: options.subject }
      : { display: a.caseId ?? 'the assessed case' };
  const seed = `${a.caseId ?? ''}|${a.asOf ?? ''}|${options.subject ?? ''}`;
  const entries: BundleEntry[] = [];
  const push = (r: Resource, n: number): string => {
    const fullUrl = `urn:uuid:${uuidOf(seed, r.resourceType, String(n), JSON.stringify(r))}`;
    entries.push({ fullUrl, resource: r });
    return fullUrl;
  };
  push(riskAssessment(a, subject), 0);
  for (const [i, d] of detectedIssues(a, subject).entries()) push(d, i);
  const requests = serviceRequests(a, subject);
  const screeningStart = requests.length - screeningTasks(a).length;
  const screening = requests.map((r, i) => {
    const fullUrl = push(r, i);
    return {
      fullUrl,
      due: i >= screeningStart ? (r.occurrenceDateTime ?? null) : null,
      text: r.code?.text ?? '',
    };
  });
  const plan = carePlan(a, subject, screening);
  if (plan !== undefined) push(plan, 0);
  return { resourceType: 'Bundle', type: 'collection', entry: entries };
}

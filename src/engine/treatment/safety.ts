// Contraindications, interactions (drug-drug, drug-remedy, drug-condition) and remedy verdicts for this patient.

import type { z } from 'zod';
import type { Case } from '../../case/schema.js';
import type { KnowledgeIndex } from '../../knowledge/index.js';
import type { Evidence } from '../../knowledge/schema.js';
import type { Remedy, TargetSchema } from '../../knowledge/treatment-schema.js';
import type { LabResult } from '../assessment.js';
import { citationsFor, mergeCitations } from '../citations.js';
import { compareIds } from '../compare.js';
import type { ObservedFinding } from '../likelihood.js';
import type { RemedyAssessment, SafetyFlag } from './types.js';

type Target = z.infer<typeof TargetSchema>;

/** What the patient has, as the safety rules see it. */
export interface PatientState {
  readonly c: Case;
  readonly drugs: ReadonlySet<string>;
  readonly remedies: ReadonlySet<string>;
  /** Syndromes that are likely enough to act on (top-ranked or posterior ≥ the threshold). */
  readonly syndromes: ReadonlySet<string>;
  readonly findings: readonly ObservedFinding[];
  /** Knowledge findings (by id) present in the case, stated or implied by a more specific term. */
  readonly present: ReadonlySet<string>;
  readonly labs: readonly LabResult[];
  readonly index: KnowledgeIndex;
  /**
   * What in the case contains alcohol (e.g. "propolis tincture", as the case wrote it), with the evidence that its preparation is
   * ethanol-based; `stated` is false for a remedy whose preparation the case leaves open but which is often a tincture.
   */
  readonly ethanol: ReadonlyArray<{
    readonly name: string;
    readonly stated: boolean;
    readonly evidence: readonly Evidence[];
  }>;
}

/** Catalogued remedies that a case remedy's preparation contains (a tincture contains alcohol). */
export function containedRemedies(r: Case['remedies'][number], index: KnowledgeIndex): readonly string[] {
  return index.remedyById.get(r.remedyId)?.preparations.find((p) => p.form === r.preparation)?.contains ?? [];
}

/**
 * Remedies of the case made with ethanol (tinctures, spirits); a remedy whose preparation is not stated counts as
 * possibly alcoholic when the catalogue holds an ethanol preparation of it, so the question is asked, not skipped.
 */
export function ethanolSources(c: Case, index: KnowledgeIndex): PatientState['ethanol'] {
  const out: Array<PatientState['ethanol'][number]> = [];
  for (const r of c.remedies) {
    const preparations = index.remedyById.get(r.remedyId)?.preparations ?? [];
    const prep = preparations.find((p) => p.form === r.preparation);
    if (prep?.solvent === 'ethanol') out.push({ name: r.as, stated: true, evidence: prep.evidence });
    const alcoholic = preparations.find((p) => p.solvent === 'ethanol');
    if (r.preparation === undefined && alcoholic !== undefined)
      out.push({
        name: `${r.as} if taken as a ${alcoholic.form} (preparation not stated)`,
        stated: false,
        evidence: alcoholic.evidence,
      });
  }
  return out;
}

/** True when every condition the target names holds for this patient (a target naming nothing never matches). */
export function targetHolds(t: Target, s: PatientState): string | undefined {
  const parts: string[] = [];
  if (t.drug !== undefined) {
    if (!s.drugs.has(t.drug)) return undefined;
    parts.push(s.index.drugById.get(t.drug)?.name ?? t.drug);
  }
  if (t.remedy !== undefined) {
    if (!s.remedies.has(t.remedy)) return undefined;
    parts.push(s.index.remedyById.get(t.remedy)?.name ?? t.remedy);
  }
  if (t.syndrome !== undefined) {
    if (!s.syndromes.has(t.syndrome)) return undefined;
    parts.push(s.index.syndromeById.get(t.syndrome)?.name ?? t.syndrome);
  }
  if (t.finding !== undefined) {
    if (!s.present.has(t.finding)) return undefined;
    parts.push(s.index.findingById.get(t.finding)?.code.label ?? t.finding);
  }
  if (t.lab !== undefined) {
    const lab = s.labs.find((l) => l.labId === t.lab?.id);
    if (lab === undefined) return undefined;
    const v = lab.value;
    if (t.lab.below !== undefined && !(v !== undefined && v < t.lab.below)) return undefined;
    if (t.lab.above !== undefined && !(v !== undefined && v > t.lab.above)) return undefined;
    if (t.lab.equals !== undefined && lab.interpretation !== t.lab.equals) return undefined;
    parts.push(`${lab.name} ${v ?? lab.interpretation}${lab.unit ? ` ${lab.unit}` : ''}`);
  }
  if (t.patient !== undefined) {
    const p = t.patient;
    const c = s.c.patient;
    if (p.pregnant !== undefined && c.pregnant !== p.pregnant) return undefined;
    if (p.smoking !== undefined && c.smoking !== p.smoking) return undefined;
    if (p.minAge !== undefined && c.age < p.minAge) return undefined;
    if (p.maxAge !== undefined && c.age > p.maxAge) return undefined;
    if (p.alcohol === true && s.ethanol.length === 0) return undefined;
    parts.push(
      [
        p.pregnant ? 'pregnancy' : '',
        p.smoking ? `${p.smoking} smoker` : '',
        p.alcohol ? `alcohol in ${s.ethanol.map((e) => e.name).join(', ')}` : '',
      ]
        .filter(Boolean)
        .join(', ') || 'patient',
    );
  }
  return parts.length === 0 ? undefined : parts.join(' + ');
}

const RANK = { contraindicated: 0, major: 1, moderate: 2, minor: 3 } as const;

/** Every contraindication and interaction that applies to the case's drugs, plan items and remedies. */
export function safetyFlags(s: PatientState): SafetyFlag[] {
  // Every rule belongs to a drug or a remedy of the case, so a case with neither has no flag to check.
  if (s.drugs.size === 0 && s.remedies.size === 0) return [];
  const out: SafetyFlag[] = [];
  const seen = new Set<string>();
  const add = (flag: SafetyFlag) => {
    const key = `${flag.kind}|${[...flag.between].sort().join('|')}|${flag.text}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(flag);
  };
  // Every rule that could fire, from the case's drugs and remedies, checked by one loop.
  type Rule = {
    owner: string;
    kind: SafetyFlag['kind'];
    when: Target;
    severity: SafetyFlag['severity'];
    text: string;
    management?: string;
    evidence: Remedy['interactions'][number]['evidence'];
  };
  const rules: Rule[] = [
    ...s.index.kb.drugs
      .filter((d) => s.drugs.has(d.id))
      .flatMap((d) => [
        ...d.contraindications.map((x) => ({
          owner: d.name,
          kind: 'contraindication' as const,
          when: x.when,
          severity: x.severity,
          text: x.text,
          evidence: x.evidence,
        })),
        ...d.interactions.map((x) => ({
          owner: d.name,
          kind: 'interaction' as const,
          when: x.with,
          severity: x.severity,
          text: x.mechanism,
          management: x.management,
          evidence: x.evidence,
        })),
      ]),
    ...s.index.kb.remedies
      .filter((r) => s.remedies.has(r.id))
      .flatMap((r) =>
        r.interactions.map((x) => ({
          owner: r.name,
          kind: 'interaction' as const,
          when: x.with,
          severity: x.severity,
          text: x.text,
          evidence: x.evidence,
        })),
      ),
  ];
  for (const rule of rules) {
    const hit = targetHolds(rule.when, s);
    if (hit === undefined) continue;
    add({
      kind: rule.kind,
      severity: rule.severity,
      between: [rule.owner, hit],
      text: rule.text,
      ...(rule.management === undefined ? {} : { management: rule.management }),
      // An alcohol rule also cites why the remedy's preparation counts as alcohol.
      citations:
        rule.when.patient?.alcohol === true
          ? mergeCitations([
              citationsFor(rule.evidence, s.index),
              ...s.ethanol.map((e) => citationsFor(e.evidence, s.index)),
            ])
          : citationsFor(rule.evidence, s.index),
    });
  }
  return out.sort(
    (a, b) => RANK[a.severity] - RANK[b.severity] || compareIds(a.between.join(), b.between.join()),
  );
}

/** A remedy's verdict: never recommended; toxic ones are "never take", harmful ones "harmful". */
export function assessRemedy(remedy: Remedy, field: string, index: KnowledgeIndex): RemedyAssessment {
  const verdict: RemedyAssessment['verdict'] =
    remedy.toxic || remedy.status === 'toxic'
      ? 'never-take'
      : remedy.status === 'harmful-evidence'
        ? 'harmful'
        : remedy.status === 'effective-for-deficiency'
          ? 'deficiency-only'
          : 'not-recommended';
  return {
    field,
    remedy: remedy.id,
    name: remedy.name,
    status: remedy.status,
    verdict,
    claims: remedy.claims.map((x) => ({
      claim: x.claim,
      verdict: x.verdict,
      citations: citationsFor(x.evidence, index),
    })),
    hazards: remedy.hazards.map((x) => ({
      text: x.text,
      severity: x.severity,
      citations: citationsFor(x.evidence, index),
    })),
  };
}

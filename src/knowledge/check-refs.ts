// Second pass over a schema-valid knowledge base: cross-file references, HPO labels and synonym clashes.

import { readHpoId } from './hpo.js';
import type { KnowledgeIssue } from './issues.js';
import type { Knowledge } from './knowledge.js';
import { normaliseAntibodyName, normaliseText } from './normalise.js';
import { derivedLabel, placeholderReason } from './reference-label.js';
import type { Evidence, Reference } from './schema.js';
import type { Drug } from './treatment-schema.js';

interface Ctx {
  issues: KnowledgeIssue[];
  refs: Set<string>;
}

function checkEvidence(ctx: Ctx, file: string, path: string, evidence: readonly Evidence[]): void {
  evidence.forEach((item, i) => {
    if (!ctx.refs.has(item.ref))
      ctx.issues.push({
        code: 'unknown-ref',
        file,
        path: `${path}.${i}.ref`,
        message: `reference "${item.ref}" has no file in knowledge/references/`,
      });
  });
}

function checkDuplicates(ctx: Ctx, family: string, ids: readonly string[]): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id))
      ctx.issues.push({
        code: 'duplicate-id',
        file: `${family}/${id}.yaml`,
        path: 'id',
        message: `duplicate id ${id}`,
      });
    seen.add(id);
  }
}

function checkSynonymClashes(
  ctx: Ctx,
  family: string,
  entities: ReadonlyArray<{ id: string; names: readonly string[] }>,
  normalise: (text: string) => string,
): void {
  const owner = new Map<string, string>();
  for (const entity of entities) {
    for (const name of entity.names) {
      const key = normalise(name);
      const other = owner.get(key);
      if (other !== undefined && other !== entity.id)
        ctx.issues.push({
          code: 'ambiguous-synonym',
          file: `${family}/${entity.id}.yaml`,
          path: 'synonyms',
          message: `"${name}" also names ${family}/${other}; a name must resolve to one entry`,
        });
      owner.set(key, entity.id);
    }
  }
}

/**
 * Check everything one file cannot check alone.
 *
 * @param kb - a knowledge base whose files each passed their schema
 * @returns every dangling reference, HPO label mismatch and ambiguous synonym
 */
/** Every reference shows a real first author or issuing body: an explicit `label`, or one derived from `authors`. */
function checkLabels(ctx: Ctx, references: readonly Reference[]): void {
  for (const r of references) {
    const file = `references/${r.id}.yaml`;
    if (r.label !== undefined) {
      const why = placeholderReason(r.label);
      if (why !== undefined)
        ctx.issues.push({ code: 'placeholder-label', file, path: 'label', message: why });
      continue;
    }
    const derived = derivedLabel(r.authors);
    const why = derived === undefined ? undefined : placeholderReason(derived);
    if (derived === undefined || why !== undefined)
      ctx.issues.push({
        code: 'placeholder-label',
        file,
        path: 'authors',
        message: `"${r.authors}" does not start with "Surname Initials"${why ? ` (${why})` : ''}: give the first author found in the source, or a \`label\` naming the issuing body`,
      });
  }
}

export function checkReferences(kb: Knowledge): KnowledgeIssue[] {
  const ctx: Ctx = { issues: [], refs: new Set(kb.references.map((r) => r.id)) };
  checkLabels(ctx, kb.references);
  const findings = new Set(kb.findings.map((f) => f.id));
  const antibodies = new Set(kb.antibodies.map((a) => a.id));
  const tumours = new Set(kb.tumours.map((t) => t.id));
  checkDuplicates(
    ctx,
    'findings',
    kb.findings.map((f) => f.id),
  );
  const hpoOwner = new Map<string, string>();
  for (const finding of kb.findings) {
    const file = `findings/${finding.id}.yaml`;
    const label = kb.hpo.labels.get(finding.code.code);
    const reading = readHpoId(kb.hpo, finding.code.code);
    if (reading.kind === 'replaced' || reading.kind === 'obsolete')
      ctx.issues.push({
        code: 'obsolete-hpo-id',
        file,
        path: 'code.code',
        message:
          reading.kind === 'replaced'
            ? `${finding.code.code} is obsolete in the bundled HPO release: use its replacement ${reading.id} (${reading.label})`
            : `${finding.code.code} is obsolete in the bundled HPO release and has no replacement${reading.consider.length > 0 ? ` (consider ${reading.consider.join(', ')})` : ''}`,
      });
    else if (label === undefined)
      ctx.issues.push({
        code: 'unknown-hpo-id',
        file,
        path: 'code.code',
        message: `${finding.code.code} is not in vocab/hpo/labels.tsv`,
      });
    else if (label !== finding.code.label)
      ctx.issues.push({
        code: 'label-mismatch',
        file,
        path: 'code.label',
        message: `label "${finding.code.label}" differs from HPO's "${label}"`,
      });
    const other = hpoOwner.get(finding.code.code);
    if (other !== undefined)
      ctx.issues.push({
        code: 'duplicate-id',
        file,
        path: 'code.code',
        message: `${finding.code.code} is already finding ${other}`,
      });
    hpoOwner.set(finding.code.code, finding.id);
  }
  for (const s of kb.syndromes) {
    const file = `syndromes/${s.id}.yaml`;
    checkEvidence(ctx, file, 'paraneoplasticShare.evidence', s.paraneoplasticShare.evidence);
    if (s.pnsCarePhenotype)
      checkEvidence(ctx, file, 'pnsCarePhenotype.evidence', s.pnsCarePhenotype.evidence);
    s.findings.forEach((f, i) => {
      if (!findings.has(f.finding))
        ctx.issues.push({
          code: 'unknown-finding',
          file,
          path: `findings.${i}.finding`,
          message: `finding "${f.finding}" has no file in knowledge/findings/`,
        });
      checkEvidence(ctx, file, `findings.${i}.evidence`, f.evidence);
    });
    s.antibodies.forEach((a, i) => {
      if (!antibodies.has(a.antibody))
        ctx.issues.push({
          code: 'unknown-antibody',
          file,
          path: `antibodies.${i}.antibody`,
          message: `antibody "${a.antibody}" has no file in knowledge/antibodies/`,
        });
      checkEvidence(ctx, file, `antibodies.${i}.evidence`, a.evidence);
    });
    s.tumours.forEach((t, i) => {
      if (!tumours.has(t.tumour))
        ctx.issues.push({
          code: 'unknown-tumour',
          file,
          path: `tumours.${i}.tumour`,
          message: `tumour "${t.tumour}" has no file in knowledge/tumours/`,
        });
      checkEvidence(ctx, file, `tumours.${i}.evidence`, t.evidence);
    });
    for (const part of ['confirm', 'findTumour', 'markers'] as const)
      (s.workup?.[part] ?? []).forEach((t, i) => {
        checkEvidence(ctx, file, `workup.${part}.${i}.evidence`, t.evidence);
        if (t.lab !== undefined && !kb.labs.some((l) => l.id === t.lab))
          ctx.issues.push({
            code: 'unknown-ref',
            file,
            path: `workup.${part}.${i}.lab`,
            message: `lab "${t.lab}" has no file`,
          });
        t.tumours.forEach((id, k) => {
          if (!tumours.has(id))
            ctx.issues.push({
              code: 'unknown-tumour',
              file,
              path: `workup.${part}.${i}.tumours.${k}`,
              message: `tumour "${id}" has no file`,
            });
        });
      });
    s.priorModifiers.forEach((m, i) => {
      checkEvidence(ctx, file, `priorModifiers.${i}.evidence`, m.evidence);
    });
    s.shareModifiers.forEach((m, i) => {
      checkEvidence(ctx, file, `shareModifiers.${i}.evidence`, m.evidence);
      if (m.finding !== undefined && !findings.has(m.finding))
        ctx.issues.push({
          code: 'unknown-finding',
          file,
          path: `shareModifiers.${i}.finding`,
          message: `finding "${m.finding}" has no file`,
        });
    });
  }
  for (const a of kb.antibodies) {
    const file = `antibodies/${a.id}.yaml`;
    checkEvidence(ctx, file, 'riskGroup.evidence', a.riskGroup.evidence);
    checkEvidence(ctx, file, 'cancerShare.evidence', a.cancerShare.evidence);
    a.tumours.forEach((t, i) => {
      if (!tumours.has(t.tumour))
        ctx.issues.push({
          code: 'unknown-tumour',
          file,
          path: `tumours.${i}.tumour`,
          message: `tumour "${t.tumour}" has no file in knowledge/tumours/`,
        });
      checkEvidence(ctx, file, `tumours.${i}.evidence`, t.evidence);
    });
    a.pitfalls.forEach((p, i) => {
      checkEvidence(ctx, file, `pitfalls.${i}.evidence`, p.evidence);
    });
    a.covers.forEach((id, i) => {
      if (!antibodies.has(id) || id === a.id)
        ctx.issues.push({
          code: 'unknown-antibody',
          file,
          path: `covers.${i}`,
          message: `antibody "${id}" has no file in knowledge/antibodies/ (or is this antibody itself)`,
        });
    });
  }
  kb.criteria.rescreen.rules.forEach((r, i) => {
    checkEvidence(ctx, 'criteria/rescreen.yaml', `rules.${i}.evidence`, r.evidence);
  });
  kb.criteria.rescreen.tests.forEach((test, i) => {
    checkEvidence(ctx, 'criteria/rescreen.yaml', `tests.${i}.evidence`, test.evidence);
    test.finds.forEach((id, k) => {
      if (!tumours.has(id))
        ctx.issues.push({
          code: 'unknown-tumour',
          file: 'criteria/rescreen.yaml',
          path: `tests.${i}.finds.${k}`,
          message: `tumour "${id}" has no file in knowledge/tumours/`,
        });
    });
  });
  for (const t of kb.tumours)
    if (t.screening) checkEvidence(ctx, `tumours/${t.id}.yaml`, 'screening.evidence', t.screening.evidence);
  for (const t of kb.tumours)
    t.signs.forEach((sign, i) => {
      const file = `tumours/${t.id}.yaml`;
      if (!findings.has(sign.finding))
        ctx.issues.push({
          code: 'unknown-finding',
          file,
          path: `signs.${i}.finding`,
          message: `finding "${sign.finding}" has no file`,
        });
      checkEvidence(ctx, file, `signs.${i}.evidence`, sign.evidence);
    });
  for (const t of kb.tumours)
    t.priorModifiers.forEach((m, i) => {
      checkEvidence(ctx, `tumours/${t.id}.yaml`, `priorModifiers.${i}.evidence`, m.evidence);
    });
  for (const pattern of kb.patterns) {
    const file = `patterns/${pattern.id}.yaml`;
    checkEvidence(ctx, file, 'evidence', pattern.evidence);
    pattern.findings.forEach((f, i) => {
      if (!findings.has(f))
        ctx.issues.push({
          code: 'unknown-finding',
          file,
          path: `findings.${i}`,
          message: `finding "${f}" has no file`,
        });
    });
  }
  for (const lab of kb.labs) {
    const file = `labs/${lab.id}.yaml`;
    checkEvidence(ctx, file, 'rangeEvidence', lab.rangeEvidence);
    for (const key of ['lowFinding', 'highFinding'] as const) {
      const id = lab[key];
      if (id !== undefined && !findings.has(id))
        ctx.issues.push({ code: 'unknown-finding', file, path: key, message: `finding "${id}" has no file` });
    }
  }
  const criteria = kb.criteria.pnsCare;
  const file = 'criteria/pns-care-2021.yaml';
  checkEvidence(ctx, file, 'evidence', criteria.evidence);
  checkEvidence(ctx, file, 'definiteNeedsAntibody.evidence', criteria.definiteNeedsAntibody.evidence);
  for (const [level, items] of Object.entries({
    clinical: criteria.clinical,
    laboratory: criteria.laboratory,
    cancer: criteria.cancer,
  }))
    for (const [key, item] of Object.entries(items))
      checkEvidence(ctx, file, `${level}.${key}.evidence`, item.evidence);
  const syndromeIds = new Set(kb.syndromes.map((s) => s.id));
  criteria.definiteNeedsAntibody.except.forEach((id, i) => {
    if (!syndromeIds.has(id))
      ctx.issues.push({
        code: 'unknown-ref',
        file,
        path: `definiteNeedsAntibody.except.${i}`,
        message: `syndrome "${id}" does not exist`,
      });
  });
  const deltaP = kb.criteria.deltaP;
  checkEvidence(ctx, 'criteria/delta-p.yaml', 'evidence', deltaP.evidence);
  checkEvidence(ctx, 'criteria/delta-p.yaml', 'rescreenEvidence', deltaP.rescreenEvidence);
  deltaP.probabilities.forEach((p, i) => {
    if (!ctx.refs.has(p.source))
      ctx.issues.push({
        code: 'unknown-ref',
        file: 'criteria/delta-p.yaml',
        path: `probabilities.${i}.source`,
        message: `reference "${p.source}" has no file`,
      });
  });
  deltaP.items.forEach((it, i) => {
    if (it.rule.kind !== 'any-finding') return;
    it.rule.findings.forEach((f, k) => {
      if (!findings.has(f))
        ctx.issues.push({
          code: 'unknown-finding',
          file: 'criteria/delta-p.yaml',
          path: `items.${i}.rule.findings.${k}`,
          message: `finding "${f}" has no file`,
        });
    });
  });
  const families: Record<string, ReadonlySet<string>> = {
    syndromes: new Set(kb.syndromes.map((x) => x.id)),
    findings,
    antibodies,
    tumours,
    labs: new Set(kb.labs.map((x) => x.id)),
    references: ctx.refs,
    criteria: new Set(['pns-care-2021', 'delta-p', 'rescreen']),
  };
  kb.seedCoverage?.sections.forEach((section, i) => {
    section.statements.forEach((st, k) => {
      const path = `sections.${i}.statements.${k}`;
      checkEvidence(ctx, 'seed-coverage.yaml', `${path}.evidence`, st.evidence);
      st.knowledge.forEach((entry, j) => {
        const [family = '', id = ''] = entry.split('/');
        if (!families[family]?.has(id))
          ctx.issues.push({
            code: 'unknown-ref',
            file: 'seed-coverage.yaml',
            path: `${path}.knowledge.${j}`,
            message: `"${entry}" is not a knowledge entry`,
          });
      });
    });
  });
  checkTreatment(ctx, kb, {
    findings,
    syndromes: new Set(kb.syndromes.map((x) => x.id)),
    labs: new Set(kb.labs.map((x) => x.id)),
  });
  checkSynonymClashes(
    ctx,
    'antibodies',
    kb.antibodies.map((a) => ({ id: a.id, names: [a.name, ...a.synonyms] })),
    normaliseAntibodyName,
  );
  checkSynonymClashes(
    ctx,
    'labs',
    kb.labs.map((l) => ({ id: l.id, names: [l.name, ...l.synonyms] })),
    normaliseText,
  );
  checkSynonymClashes(
    ctx,
    'tumours',
    kb.tumours.map((t) => ({ id: t.id, names: [t.name, ...t.synonyms] })),
    normaliseText,
  );
  return ctx.issues;
}

type Target = Drug['interactions'][number]['with'];

function checkTarget(
  ctx: Ctx,
  file: string,
  path: string,
  t: Target,
  known: Record<string, ReadonlySet<string>>,
): void {
  const pairs: Array<[string, string | undefined]> = [
    ['drugs', t.drug],
    ['remedies', t.remedy],
    ['syndromes', t.syndrome],
    ['findings', t.finding],
    ['labs', t.lab?.id],
  ];
  for (const [family, id] of pairs)
    if (id !== undefined && !known[family]?.has(id))
      ctx.issues.push({
        code: 'unknown-ref',
        file,
        path,
        message: `${family.slice(0, -1)} "${id}" does not exist`,
      });
}

function checkTreatment(
  ctx: Ctx,
  kb: Knowledge,
  base: { findings: ReadonlySet<string>; syndromes: ReadonlySet<string>; labs: ReadonlySet<string> },
): void {
  const known = {
    ...base,
    drugs: new Set(kb.drugs.map((d) => d.id)),
    remedies: new Set(kb.remedies.map((r) => r.id)),
    patterns: new Set(kb.patterns.map((p) => p.id)),
  };
  for (const s of kb.syndromes) {
    const file = `syndromes/${s.id}.yaml`;
    s.prognosis.forEach((x, i) => {
      checkEvidence(ctx, file, `prognosis.${i}.evidence`, x.evidence);
    });
    const t = s.treatment;
    if (t === undefined) continue;
    checkEvidence(ctx, file, 'treatment.tumourFirst.evidence', t.tumourFirst.evidence);
    [
      ...t.immunotherapy.map((x) => ({ ...x, part: 'immunotherapy' })),
      ...t.symptomatic.map((x) => ({ ...x, part: 'symptomatic' })),
    ].forEach((x, i) => {
      checkEvidence(ctx, file, `treatment.${x.part}.${i}.evidence`, x.evidence);
      if (x.drug === undefined) return;
      const drug = kb.drugs.find((d) => d.id === x.drug);
      if (drug === undefined)
        ctx.issues.push({
          code: 'unknown-ref',
          file,
          path: `treatment.${x.part}.${i}.drug`,
          message: `drug "${x.drug}" has no file`,
        });
      else if (x.dose !== undefined && !drug.doses.some((d) => d.id === x.dose))
        ctx.issues.push({
          code: 'unknown-ref',
          file,
          path: `treatment.${x.part}.${i}.dose`,
          message: `drug ${x.drug} has no dose "${x.dose}"`,
        });
    });
  }
  for (const d of kb.drugs) {
    const file = `drugs/${d.id}.yaml`;
    const lists = {
      roles: d.roles,
      doses: d.doses,
      renal: d.renal,
      hepatic: d.hepatic,
      monitoring: d.monitoring,
      contraindications: d.contraindications,
      interactions: d.interactions,
      adverseEffects: d.adverseEffects,
      causesPatterns: d.causesPatterns,
    };
    for (const [name, list] of Object.entries(lists))
      (list as ReadonlyArray<{ evidence: readonly Evidence[] }>).forEach((x, i) => {
        checkEvidence(ctx, file, `${name}.${i}.evidence`, x.evidence);
      });
    d.interactions.forEach((x, i) => {
      checkTarget(ctx, file, `interactions.${i}.with`, x.with, known);
    });
    d.contraindications.forEach((x, i) => {
      checkTarget(ctx, file, `contraindications.${i}.when`, x.when, known);
    });
    d.causesPatterns.forEach((x, i) => {
      if (!known.patterns.has(x.pattern))
        ctx.issues.push({
          code: 'unknown-ref',
          file,
          path: `causesPatterns.${i}.pattern`,
          message: `pattern "${x.pattern}" does not exist`,
        });
    });
    d.doses.forEach((x, i) => {
      if (x.min > x.max)
        ctx.issues.push({ code: 'schema', file, path: `doses.${i}`, message: 'min dose above max dose' });
    });
  }
  for (const r of kb.remedies) {
    const file = `remedies/${r.id}.yaml`;
    for (const [name, list] of Object.entries({
      claims: r.claims,
      hazards: r.hazards,
      interactions: r.interactions,
      preparations: r.preparations,
    }))
      (list as ReadonlyArray<{ evidence: readonly Evidence[] }>).forEach((x, i) => {
        checkEvidence(ctx, file, `${name}.${i}.evidence`, x.evidence);
      });
    r.interactions.forEach((x, i) => {
      checkTarget(ctx, file, `interactions.${i}.with`, x.with, known);
    });
    r.preparations.forEach((p, i) => {
      p.contains.forEach((id, j) => {
        if (!known.remedies.has(id))
          ctx.issues.push({
            code: 'unknown-ref',
            file,
            path: `preparations.${i}.contains.${j}`,
            message: `unknown remedy ${id}`,
          });
      });
    });
    if (r.preparations.filter((p) => p.default).length > 1)
      ctx.issues.push({
        code: 'schema',
        file,
        path: 'preparations',
        message: 'at most one preparation can be the default',
      });
  }
  for (const p of kb.physio) {
    const file = `physio/${p.id}.yaml`;
    checkEvidence(ctx, file, 'evidence', p.evidence);
    p.rules.forEach((x, i) => {
      checkEvidence(ctx, file, `rules.${i}.evidence`, x.evidence);
    });
  }
  checkSynonymClashes(
    ctx,
    'drugs',
    kb.drugs.map((d) => ({ id: d.id, names: [d.name, ...d.synonyms] })),
    normaliseText,
  );
  checkSynonymClashes(
    ctx,
    'remedies',
    kb.remedies.map((r) => ({
      id: r.id,
      names: [r.name, ...r.synonyms, ...r.preparations.flatMap((p) => p.synonyms)],
    })),
    normaliseText,
  );
  checkSynonymClashes(
    ctx,
    'physio',
    kb.physio.map((p) => ({ id: p.id, names: [p.name, ...p.synonyms] })),
    normaliseText,
  );
}

// Plain-text report for a clinician: verdict, syndromes with evidence, tumours to look for, labs, unrecognised input.
import type { Assessment, Citation, Contribution } from '../engine/assessment.js';

const pct = (x: number) => `${(x * 100).toFixed(x < 0.1 && x > 0 ? 1 : 0)}%`;
const cite = (cs: readonly Citation[]) =>
  cs.length === 0
    ? ''
    : ` [${cs.map((c) => `${c.short}, ${c.grade}${c.read ? `, ${c.read}` : ''}`).join('; ')}]`;

function contribution(c: Contribution): string {
  const sign = c.weight >= 0 ? '+' : '−';
  const freq = c.frequency === undefined ? '' : `, in ${pct(c.frequency)} of cases`;
  const how = c.match === 'not-listed' ? ', not a feature of this syndrome' : c.match === 'prior' ? '' : freq;
  return `      ${sign}${Math.abs(c.weight).toFixed(2)}  ${c.label} (${c.observed}${how})${cite(c.citations)}`;
}

/**
 * Render an assessment as the text report a clinician reads.
 *
 * @param a - the assessment
 * @param options - how many syndromes and tumours to show
 * @returns the report, ending with the disclaimer
 */
export function renderText(a: Assessment, options: { top?: number } = {}): string {
  const top = options.top ?? 5;
  const lines: string[] = [];
  lines.push(
    `Paraneo assessment${a.caseId === null ? '' : ` — ${a.caseId}`}${a.asOf === null ? '' : ` — as of ${a.asOf}`}`,
  );
  lines.push(`Knowledge base ${a.knowledgeVersion}. DECISION SUPPORT, NOT A DIAGNOSIS.`);
  lines.push('');
  lines.push(
    `Paraneoplastic syndrome: ${a.pnsVerdict.toUpperCase()} (probability ${pct(a.pnsProbability)}; no catalogued syndrome: ${pct(a.noSyndromeProbability)})`,
  );
  lines.push('');
  lines.push('Syndromes, most probable first (weights are log10 likelihood ratios):');
  a.syndromes.slice(0, top).forEach((s, i) => {
    lines.push(
      `  ${i + 1}. ${s.name} [${s.category}] — ${pct(s.score)}; paraneoplastic if present: ${pct(s.paraneoplasticProbability)}`,
    );
    if (s.for.length > 0) lines.push('     for:');
    for (const c of s.for.slice(0, 6)) lines.push(contribution(c));
    if (s.against.length > 0) lines.push('     against:');
    for (const c of s.against.slice(0, 4)) lines.push(contribution(c));
  });
  for (const co of a.coOccurring)
    lines.push(
      `  + together with it: ${co.name} — ${pct(co.probability)} on the findings the leader leaves unexplained; paraneoplastic if present: ${pct(co.paraneoplasticProbability)}. ${co.reason}`,
    );
  if (a.pnsCare !== null) {
    const p = a.pnsCare;
    lines.push('');
    lines.push(
      `PNS-Care 2021 score for ${p.phenotype.name}: ${p.total}/10 — ${p.level.toUpperCase()}${p.range.min !== p.range.max ? ` (could be ${p.range.min}–${p.range.max} once the unknowns are settled)` : ''}`,
    );
    for (const item of p.items)
      lines.push(
        `  ${item.itemId.padEnd(10)} ${item.points}  ${item.result}: ${item.valueUsed}${cite(item.citations)}`,
      );
    for (const u of p.unknown) lines.push(`  ? ${u.missing}: ${u.assumed}; to settle: ${u.settle}`);
    for (const n of p.notes) lines.push(`  · ${n}`);
  }
  lines.push('');
  if (a.tumours.length === 0) lines.push('Tumours to look for: none suggested by the data given.');
  else {
    lines.push('Tumours to look for, most likely first:');
    a.tumours.slice(0, top).forEach((t, i) => {
      lines.push(`  ${i + 1}. ${t.name}${t.known ? ' (known)' : ''} — ${pct(t.score)}`);
      for (const w of t.why.slice(0, 3)) lines.push(`      · ${w.reason}${cite(w.citations)}`);
    });
  }
  if (a.deltaP !== null) {
    const d = a.deltaP;
    const score =
      d.range.min === d.range.max
        ? `${d.score}`
        : `${d.score} (${d.range.min}–${d.range.max} once unknowns are known)`;
    lines.push('');
    lines.push(`DELTA-P (LEMS tumour prediction): ${score}/6 — ${d.window}`);
    for (const i of d.items)
      lines.push(
        `  ${i.result === 'met' ? '+1' : i.result === 'unknown' ? ' ?' : ' 0'}  ${i.label}: ${i.valueUsed}`,
      );
    for (const p of d.probabilities)
      lines.push(
        `  lung cancer probability, ${p.label}: ${p.probability === null ? 'not published for this score' : pct(p.probability)}`,
      );
  }
  if (a.antibodyPanel.length > 0) {
    lines.push('');
    lines.push('Antibodies to test (not in the case yet):');
    for (const p of a.antibodyPanel.slice(0, 8))
      lines.push(
        `  ${p.name} — ${p.specimen.join(' and ')}; ${p.method} (${pct(p.frequency)} of ${p.forSyndrome})${cite(p.citations)}`,
      );
  }
  const workupFor = a.syndromes.slice(0, 3).map((s) => s.id);
  const workup = a.workup.filter((w) => workupFor.includes(w.syndrome));
  if (workup.length > 0) {
    lines.push('');
    lines.push('Work-up for the top syndromes (in order of yield):');
    for (const id of workupFor) {
      const items = workup.filter((w) => w.syndrome === id);
      if (items.length === 0) continue;
      lines.push(`  ${a.syndromes.find((s) => s.id === id)?.name ?? id}:`);
      for (const w of items) {
        const held = w.held ? ` [in the case: ${w.result ?? 'given'}]` : '';
        const limits = w.limits ? ` (limits: ${w.limits})` : '';
        lines.push(
          `    ${w.kind === 'confirm' ? 'confirm' : w.kind === 'marker' ? 'marker ' : 'tumour '}  ${w.test}${held} — ${w.reason}${limits}${cite(w.citations)}`,
        );
      }
    }
  }
  if (a.screening.length > 0) {
    lines.push('');
    lines.push('Tumour search:');
    for (const s of a.screening) {
      const when = s.due === null ? 'now' : s.dueBy === undefined ? s.due : `${s.due} to ${s.dueBy}`;
      lines.push(`  ${when.padEnd(24)} ${s.test} — ${s.reason}${cite(s.citations)}`);
    }
  }
  renderTreatment(a, lines);
  if (a.labs.length > 0) {
    lines.push('');
    lines.push('Labs:');
    for (const l of a.labs) {
      const value = l.value === undefined ? '' : ` = ${l.value} ${l.unit ?? ''}`.trimEnd();
      const range = l.range === undefined ? '' : ` (range ${l.range.low ?? '…'}–${l.range.high ?? '…'})`;
      lines.push(`  ${l.name}${value}${range}: ${l.interpretation}`);
    }
  }
  const decided = a.labPatterns.filter((p) => p.result !== 'not-met' || p.grade !== undefined);
  if (decided.length > 0) {
    lines.push('');
    lines.push('Lab patterns:');
    for (const p of decided) {
      const mark = p.result === 'met' ? 'MET' : p.result === 'unknown' ? '?' : 'not met';
      lines.push(
        `  [${mark}] ${p.name}${p.grade ? ` (${p.grade})` : ''}: ${p.explanation}${cite(p.citations)}`,
      );
      if (p.result === 'unknown' && p.missing.length > 0)
        lines.push(`        missing: ${p.missing.join(', ')}`);
    }
  }
  if (a.unrecognised.length > 0) {
    lines.push('');
    lines.push('Not understood (check these by hand):');
    for (const u of a.unrecognised) lines.push(`  ${u.field}: "${u.value}" — ${u.reason}`);
  }
  if (a.warnings.length > 0) {
    lines.push('');
    lines.push('Warnings:');
    for (const w of a.warnings) lines.push(`  ! ${w.message}`);
  }
  lines.push('');
  lines.push(a.disclaimer);
  return `${lines.join('\n')}\n`;
}

/** Treatment in plain words, dangers first: toxic remedies and contraindications, then doses, plans, remedies, physiotherapy. */
function renderTreatment(a: Assessment, lines: string[]): void {
  const t = a.treatment;
  // Remedy hazards are printed with their remedy, so they are not repeated among the flags.
  const dangers = t.safety.filter(
    (f) => f.kind !== 'remedy-hazard' && (f.severity === 'contraindicated' || f.severity === 'major'),
  );
  const overdoses = t.doseChecks.filter((d) => d.verdict === 'above-maximum');
  const toxic = t.remedies.filter(
    (r) =>
      r.verdict === 'never-take' ||
      r.verdict === 'harmful' ||
      t.safety.some((f) => f.kind === 'remedy-hazard' && f.between.includes(r.name)),
  );
  if (dangers.length + overdoses.length + toxic.length > 0) {
    lines.push('');
    lines.push('DANGERS:');
    for (const r of toxic)
      lines.push(
        `  !! ${r.name} (${r.field}): ${r.verdict === 'never-take' ? 'POISONOUS - never take' : 'HARMFUL - stop'}; ${r.hazards.map((h) => h.text).join('; ')}${cite(r.hazards.flatMap((h) => h.citations))}`,
      );
    for (const d of overdoses)
      lines.push(
        `  !! ${d.name} ${d.given} (${d.field}): ABOVE THE MAXIMUM - ${d.reasons.join('; ')}${cite(d.citations)}`,
      );
    for (const f of dangers)
      lines.push(
        `  !! ${f.severity.toUpperCase()} ${f.kind}: ${f.between.join(' + ')} - ${f.text}${f.management ? ` Management: ${f.management}` : ''}${cite(f.citations)}`,
      );
  }
  if (t.plans.length > 0) {
    lines.push('');
    lines.push('Treatment plan (treat the tumour first):');
    for (const p of t.plans) {
      lines.push(`  ${p.name}:`);
      if (p.tumourFirst)
        lines.push(`    1. Tumour first: ${p.tumourFirst.text}${cite(p.tumourFirst.citations)}`);
      for (const i of p.immunotherapy)
        lines.push(
          `    - ${i.line ?? ''} ${i.name}${i.dose ? `: ${i.dose}` : ''}${i.note ? ` (${i.note})` : ''}${cite(i.citations)}`.replace(
            '-  ',
            '- ',
          ),
        );
      for (const i of p.symptomatic)
        lines.push(
          `    - symptomatic: ${i.name}${i.dose ? `: ${i.dose}` : ''}${i.note ? ` (${i.note})` : ''}${cite(i.citations)}`,
        );
      for (const g of p.prognosis) lines.push(`    prognosis: ${g.text}${cite(g.citations)}`);
    }
  }
  const otherDoses = t.doseChecks.filter((d) => d.verdict !== 'above-maximum');
  if (otherDoses.length > 0) {
    lines.push('');
    lines.push('Dose checks:');
    for (const d of otherDoses)
      lines.push(
        `  ${d.name} ${d.given}: ${d.verdict}${d.regimen ? ` (${d.regimen})` : ''}${d.reasons.length ? ` - ${d.reasons.join('; ')}` : ''}${d.missing.length ? ` [missing: ${d.missing.join(', ')}]` : ''}`,
      );
    for (const d of t.doseChecks)
      for (const m of d.monitoring)
        lines.push(`    monitor (${d.name}): ${m.test} - ${m.when}${cite(m.citations)}`);
  }
  const minor = t.safety.filter((f) => f.severity === 'moderate' || f.severity === 'minor');
  for (const f of minor)
    lines.push(`  ! ${f.severity} ${f.kind}: ${f.between.join(' + ')} - ${f.text}${cite(f.citations)}`);
  const others = t.remedies.filter((r) => !toxic.includes(r));
  if (others.length > 0) {
    lines.push('');
    lines.push('Remedies (none is recommended as a treatment):');
    for (const r of others)
      lines.push(
        `  ${r.name}: ${r.verdict === 'deficiency-only' ? 'only to correct a proven deficiency' : 'no evidence of benefit'}; claims: ${r.claims.map((c) => `"${c.claim}" ${c.verdict}`).join(', ') || 'none'}`,
      );
  }
  const physio = t.physiotherapy.filter((p) => p.verdict !== 'allowed-after-oncologist-review');
  if (physio.length > 0) {
    lines.push('');
    lines.push('Physiotherapy:');
    for (const p of physio)
      lines.push(`  ${p.name}: ${p.verdict} - ${p.reasons.map((r) => r.text).join('; ')}`);
  }
}

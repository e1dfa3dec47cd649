// Which syndromes lack a treatment plan or prognosis notes, checked against an allow-list that may only shrink.

/** What the check needs to know of one syndrome. */
export interface PlanFacts {
  readonly id: string;
  readonly hasPlan: boolean;
  readonly prognosisNotes: number;
}

/** The allow-list file: one `<syndrome id> <reason>` per line; blank lines and `#` comments ignored. */
export function parseMissingPlans(text: string): ReadonlyMap<string, string> {
  const entries = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const [id = '', ...reason] = line.trim().split(/\s+/);
    if (entries.has(id)) throw new Error(`missing-plans.txt lists ${id} twice`);
    entries.set(id, reason.join(' '));
  }
  return entries;
}

/** What a syndrome lacks, or undefined when it has both a plan and at least one prognosis note. */
export function lacks(s: PlanFacts): string | undefined {
  const missing = [
    s.hasPlan ? undefined : 'treatment plan',
    s.prognosisNotes > 0 ? undefined : 'prognosis',
  ].filter((x) => x !== undefined);
  return missing.length === 0 ? undefined : missing.join(' and ');
}

/**
 * Problems, one sentence each: a syndrome that lacks a plan or prognosis and is not listed; a listed syndrome that now
 * has both (the list must shrink); a listed id that names no syndrome.
 */
export function planCoverageProblems(
  syndromes: readonly PlanFacts[],
  allowed: ReadonlyMap<string, string>,
): string[] {
  const problems: string[] = [];
  const ids = new Set(syndromes.map((s) => s.id));
  for (const s of syndromes) {
    const missing = lacks(s);
    if (missing !== undefined && !allowed.has(s.id))
      problems.push(
        `${s.id} has no ${missing}: add them (or, for now, list it in test/conformance/missing-plans.txt)`,
      );
    if (missing === undefined && allowed.has(s.id))
      problems.push(
        `${s.id} now has a plan and a prognosis: remove it from test/conformance/missing-plans.txt`,
      );
  }
  for (const id of allowed.keys())
    if (!ids.has(id)) problems.push(`missing-plans.txt lists ${id}, which is not a syndrome`);
  return problems;
}

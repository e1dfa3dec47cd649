// Tumour searches already done (case `screening`): each test resolved to the tumours it examines for.
import type { z } from 'zod';
import { derivedKey, type KnowledgeIndex } from '../knowledge/index.js';
import type { CaseIssue, CaseScreening, ScreeningInputSchema, Unrecognised } from './schema.js';
import { normaliseTumourText } from './tumour-text.js';

interface TestRule {
  readonly groups: readonly (readonly string[])[];
  readonly unless: readonly string[];
  readonly finds: readonly string[];
}

const TEST_RULES = derivedKey<readonly TestRule[]>('case.screeningTests');

function buildTestRules(index: KnowledgeIndex): readonly TestRule[] {
  return index.kb.criteria.rescreen.tests.map((t) => ({
    groups: t.all.map((g) => g.map(normaliseTumourText)),
    unless: t.unless.map(normaliseTumourText),
    finds: t.finds,
  }));
}

/** The tumours a test examines for: the union over every catalogued test its words name ("CT chest/abdomen/pelvis"). */
export function tumoursSearchedBy(test: string, index: KnowledgeIndex): string[] {
  const padded = ` ${normaliseTumourText(test)} `;
  const out: string[] = [];
  for (const rule of index.derived(TEST_RULES, buildTestRules)) {
    if (rule.unless.some((u) => padded.includes(` ${u} `))) continue;
    if (!rule.groups.every((g) => g.some((p) => padded.includes(` ${p} `)))) continue;
    for (const id of rule.finds) if (!out.includes(id)) out.push(id);
  }
  return out;
}

/**
 * Resolve the case's tumour searches: negative ones become evidence, the rest are listed in `unrecognised` with why.
 *
 * @param items - the validated `screening` items (holes for items that failed validation)
 * @param asOf - the case date; a search dated after it is refused
 * @returns the negative searches with the tumours each examined for
 */
export function parseScreening(
  items: ReadonlyArray<z.infer<typeof ScreeningInputSchema>>,
  asOf: string | undefined,
  index: KnowledgeIndex,
  issues: CaseIssue[],
  unrecognised: Unrecognised[],
): CaseScreening[] {
  const out: CaseScreening[] = [];
  items.forEach((s, i) => {
    const field = `screening.${i}`;
    if (s.date !== undefined && asOf !== undefined && s.date > asOf) {
      issues.push({ path: `${field}.date`, message: `search dated ${s.date}, after asOf ${asOf}` });
      return;
    }
    if (s.result === 'positive') {
      unrecognised.push({
        field,
        value: s.test,
        reason: 'a positive search is a found tumour: give it under knownCancers with its histology',
      });
      return;
    }
    if (s.result === 'indeterminate') {
      unrecognised.push({ field, value: s.test, reason: 'indeterminate search: not counted as negative' });
      return;
    }
    const tumours = tumoursSearchedBy(s.test, index);
    if (tumours.length === 0) {
      unrecognised.push({ field, value: s.test, reason: 'tumour search not recognised: not used' });
      return;
    }
    out.push({ test: s.test, field, date: s.date, result: 'negative', tumours });
  });
  return out;
}

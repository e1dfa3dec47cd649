// Coordination ellipsis: in "renal and hepatic cysts" or "palmar/plantar pits" the conjuncts share the head noun after
// the last of them, so each conjunct is also read with that head ("renal cysts", "hepatic cysts").

const COORDINATORS: ReadonlySet<string> = new Set(['and', 'or']);

/**
 * Where the shared head starts when the word at `at` is a conjunct followed by more conjuncts: the position just after
 * the last conjunct, or undefined when no coordinator follows `at` or nothing follows the last conjunct. Conjuncts are
 * single words joined by "and", "or", a comma or a slash (`breaks` holds the positions of words written after a comma
 * or slash, `slashes` of those after a slash); the last must be joined by "and", "or" or a slash, since a comma alone more often lists whole findings
 * ("cataracts, epiretinal membranes").
 */
export function sharedHeadStart(
  words: readonly string[],
  breaks: ReadonlySet<number>,
  slashes: ReadonlySet<number>,
  at: number,
): number | undefined {
  const joins = (p: number) => breaks.has(p) || COORDINATORS.has(words[p] ?? '');
  let p = at + 1;
  if (p >= words.length || !joins(p)) return undefined;
  for (;;) {
    let conjunctionBefore = slashes.has(p);
    while (p < words.length && COORDINATORS.has(words[p] ?? '')) {
      conjunctionBefore = true;
      p++;
    }
    if (p >= words.length) return undefined;
    const conjunct = p;
    p = conjunct + 1;
    if (p < words.length && joins(p)) continue;
    return p < words.length && conjunctionBefore ? p : undefined;
  }
}

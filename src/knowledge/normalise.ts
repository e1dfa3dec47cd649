// Text normalisation shared by the knowledge checks and by the case parser, so both match names the same way.

const GREEK: Readonly<Record<string, string>> = {
  α: 'alpha',
  β: 'beta',
  γ: 'gamma',
  δ: 'delta',
  κ: 'kappa',
  λ: 'lambda',
};

/** Lower-case, fold accents and Greek letters, turn punctuation into spaces and collapse white space. */
export function normaliseText(text: string): string {
  // Most chart text is ASCII: it needs no accent or Greek folding (the case parser normalises every clause of every note).
  const folded = !NON_ASCII.test(text)
    ? text.toLowerCase()
    : text
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[αβγδκλ]/g, (ch) => ` ${GREEK[ch] ?? ch} `);
  return folded
    .replace(/['’]s\b/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const NON_ASCII = /[^\x20-\x7e\t\n\r]/;

const ANTIBODY_NOISE = new Set([
  'anti',
  'antibody',
  'antibodies',
  'ab',
  'abs',
  'autoantibody',
  'autoantibodies',
  'igg',
]);

/** Normalise an antibody name: drop "anti-", "antibody", "IgG" and similar words that carry no identity. */
export function normaliseAntibodyName(text: string): string {
  return normaliseText(text)
    .split(' ')
    .filter((word) => !ANTIBODY_NOISE.has(word))
    .join(' ');
}

/**
 * Candidate names inside one antibody string: the whole, the part outside brackets and each bracketed part,
 * so "anti-Hu (ANNA-1)" yields "hu anna 1", "hu" and "anna 1".
 */
export function antibodyNameCandidates(text: string): string[] {
  const inner = [...text.matchAll(/\(([^)]*)\)/g)].map((m) => m[1] ?? '');
  const outer = text.replace(/\([^)]*\)/g, ' ');
  const parts = [text, outer, ...inner, ...outer.split(/[/,]/)];
  return [...new Set(parts.map(normaliseAntibodyName).filter((name) => name !== ''))];
}

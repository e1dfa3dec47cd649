// Antibody results as laboratories print them: names with specimen and method words, umbrella results, titres.
import type { KnowledgeIndex } from '../knowledge/index.js';
import { antibodyNameCandidates } from '../knowledge/normalise.js';
import type { Antibody } from '../knowledge/schema.js';

// Specimen, method and report words around an antibody name ("anti-Hu IgG, serum, by IFA") that do not change which it is.
const REPORT_WORDS = new Set([
  'serum',
  'csf',
  'titre',
  'titer',
  'level',
  'result',
  'screen',
  'test',
  'assay',
  'cba',
  'ifa',
  'iifa',
  'iif',
  'elisa',
  'ria',
  'immunoblot',
  'blot',
  'by',
]);

function withoutReportWords(name: string): string {
  return name
    .split(' ')
    .filter((word) => !REPORT_WORDS.has(word))
    .join(' ');
}

/**
 * The catalogue antibody a name means: the first candidate name that resolves, except that an umbrella result
 * ("VGKC-complex (LGI1)") gives way to a specific antibody it covers when the name also gives that one.
 *
 * @param name - the antibody name as written
 * @param index - the knowledge index (antibodies by normalised name)
 * @returns the antibody, or undefined when no candidate name is in the catalogue
 */
export function resolveAntibody(name: string, index: KnowledgeIndex): Antibody | undefined {
  const raw = antibodyNameCandidates(name);
  const candidates = [...new Set([...raw, ...raw.map(withoutReportWords)])];
  const found = candidates
    .map((candidate) => index.antibodyByName.get(candidate))
    .filter((a): a is Antibody => a !== undefined);
  const first = found[0];
  if (first === undefined || first.covers.length === 0) return first;
  return found.find((a) => first.covers.includes(a.id)) ?? first;
}

/** A titre read from the report: a dilution ("1:640", "1/640", "640") or a value with its unit ("0.45 nmol/L"). */
export type AntibodyTitre =
  | { readonly kind: 'dilution'; readonly reciprocal: number; readonly comparator?: '<' | '>' | '<=' | '>=' }
  | {
      readonly kind: 'value';
      readonly value: number;
      readonly unit?: string;
      readonly comparator?: '<' | '>' | '<=' | '>=';
    };

const COMPARATORS: Readonly<Record<string, '<' | '>' | '<=' | '>='>> = {
  '<': '<',
  '>': '>',
  '<=': '<=',
  '>=': '>=',
  '≤': '<=',
  '≥': '>=',
};

/**
 * Read a titre as a laboratory prints it.
 *
 * @param text - the titre as written: "1:640", "1/640", "640" (a dilution), ">3000 U/mL", "0.45 nmol/L", "1.2 index"
 * @returns the dilution or the value with its unit, or undefined when the text is neither
 */
export function parseTitre(text: string): AntibodyTitre | undefined {
  const t = text.trim().replace(/(\d),(\d{3})\b/g, '$1$2');
  const m = /^(<=|>=|[<>≤≥])?\s*(?:1\s*[:/]\s*(\d+)|(\d+(?:\.\d+)?)\s*(.*))$/.exec(t);
  if (m === null) return undefined;
  const comparator = m[1] === undefined ? undefined : COMPARATORS[m[1]];
  const withComparator = comparator === undefined ? {} : { comparator };
  if (m[2] !== undefined) return { kind: 'dilution', reciprocal: Number(m[2]), ...withComparator };
  const value = Number(m[3]);
  const unit = (m[4] ?? '').trim();
  // A bare whole number is how reports print a dilution's reciprocal ("640" = 1:640); a bare decimal is an index.
  if (unit === '')
    return Number.isInteger(value) && value > 1
      ? { kind: 'dilution', reciprocal: value, ...withComparator }
      : { kind: 'value', value, ...withComparator };
  if (!/^[A-Za-z%µμ[\]{}/.'\d\s-]+$/.test(unit) || !/[A-Za-z%]/.test(unit)) return undefined;
  return { kind: 'value', value, unit, ...withComparator };
}

/** The titre as shown in reports: "1:640", ">3000 U/mL", "0.45 nmol/L". */
export function formatTitre(titre: AntibodyTitre): string {
  const prefix = titre.comparator ?? '';
  if (titre.kind === 'dilution') return `${prefix}1:${titre.reciprocal}`;
  return `${prefix}${titre.value}${titre.unit === undefined ? '' : ` ${titre.unit}`}`;
}

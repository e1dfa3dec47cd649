// Which preparation of a remedy a case means (tincture, infusion, capsule…), from its words or an explicit field.
import { normaliseText } from './normalise.js';
import type { Preparation, Remedy } from './treatment-schema.js';

/** Words a patient uses for a preparation form, beside the form's own name. */
const FORM_WORDS: Readonly<Record<Preparation['form'], readonly string[]>> = {
  tincture: ['tincture', 'tinctures', 'drops', 'alcoholic extract', 'alcohol extract'],
  spirit: ['spirit', 'spirits', 'liquor'],
  infusion: ['infusion', 'tea'],
  decoction: ['decoction'],
  'water-extract': ['water extract', 'aqueous extract', 'watery extract'],
  juice: ['juice'],
  capsule: ['capsule', 'capsules'],
  tablet: ['tablet', 'tablets', 'pill', 'pills'],
  powder: ['powder'],
  oil: ['oil', 'essential oil'],
  ointment: ['ointment', 'cream', 'salve'],
  raw: ['raw', 'chewed'],
  globules: ['globules', 'granules'],
  injection: ['injection', 'injections'],
};

export type PreparationResult =
  | { readonly kind: 'known'; readonly preparation: Preparation; readonly how: 'named' | 'default' }
  | { readonly kind: 'unknown' }
  /** The case names a form the catalogue does not hold for this remedy: its solvent is unknown. */
  | { readonly kind: 'uncatalogued'; readonly form: string };

const contains = (text: string, phrase: string) => ` ${text} `.includes(` ${normaliseText(phrase)} `);

/** The form named by a phrase, or undefined when it names none. */
function formIn(text: string): Preparation['form'] | undefined {
  for (const [form, words] of Object.entries(FORM_WORDS) as Array<[Preparation['form'], readonly string[]]>)
    if (words.some((w) => contains(text, w))) return form;
  return undefined;
}

/**
 * Resolve the preparation meant by a case's remedy entry: an explicit `preparation` wins, then the words of the name
 * (a preparation synonym, then a form word), then the remedy's default preparation.
 *
 * @param remedy - the catalogue remedy the name resolved to
 * @param name - the name as the case wrote it
 * @param explicit - the case's `preparation` field, when given
 * @returns the preparation, unknown, or a named form the catalogue lacks for this remedy
 */
export function resolvePreparation(remedy: Remedy, name: string, explicit?: string): PreparationResult {
  const text = normaliseText(explicit ?? name);
  const bySynonym = remedy.preparations.find((p) => p.synonyms.some((s) => contains(text, s)));
  if (bySynonym !== undefined) return { kind: 'known', preparation: bySynonym, how: 'named' };
  // Words of the remedy's own names ("aloe juice", "chamomile tea") name the remedy, not a preparation.
  const rest =
    explicit === undefined
      ? [remedy.name, ...remedy.synonyms]
          .map(normaliseText)
          .sort((a, b) => b.length - a.length)
          .reduce((t, own) => ` ${t} `.replace(` ${own} `, ' ').trim(), text)
      : text;
  const form = formIn(rest);
  if (form === undefined && explicit !== undefined) return { kind: 'uncatalogued', form: explicit };
  if (form !== undefined) {
    const byForm = remedy.preparations.find((p) => p.form === form);
    return byForm === undefined
      ? { kind: 'uncatalogued', form: explicit ?? form }
      : { kind: 'known', preparation: byForm, how: 'named' };
  }
  const fallback = remedy.preparations.find((p) => p.default);
  return fallback === undefined
    ? { kind: 'unknown' }
    : { kind: 'known', preparation: fallback, how: 'default' };
}

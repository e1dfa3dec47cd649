// Which representation a client asked for: the Assessment JSON, the text report or a FHIR Bundle.
export type Representation = 'json' | 'text' | 'fhir';

/**
 * @param format - the `format` query parameter, when given (it wins over Accept)
 * @param accept - the Accept header
 * @param fallback - what the route answers when neither says
 */
export function representation(
  format: string | undefined,
  accept: string | undefined,
  fallback: Representation,
): Representation {
  if (format === 'text') return 'text';
  if (format === 'fhir') return 'fhir';
  if (format === 'json') return 'json';
  const wanted = (accept ?? '').toLowerCase();
  if (wanted.includes('application/fhir+json')) return 'fhir';
  if (wanted.includes('text/plain') && !wanted.includes('json')) return 'text';
  if (wanted.includes('application/json')) return 'json';
  return fallback;
}

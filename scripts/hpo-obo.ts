// Read an hp.obo release into the compact tables Paraneo bundles under vocab/hpo/ (see scripts/build-hpo.ts).

/** One [Term] stanza of an OBO file, with only what Paraneo keeps. */
export interface OboTerm {
  id: string;
  name: string;
  /** [scope, text, synonym type or ''] — scope is EXACT, RELATED, BROAD or NARROW. */
  synonyms: Array<readonly [scope: string, text: string, type: string]>;
  isA: string[];
  obsolete: boolean;
  replacedBy: string[];
  consider: string[];
}

export interface OboRelease {
  /** The header's data-version line, e.g. "hp/releases/2025-05-06". */
  dataVersion: string;
  terms: OboTerm[];
}

const SYNONYM = /^synonym: "((?:[^"\\]|\\.)*)" (EXACT|RELATED|BROAD|NARROW)(?: ([A-Za-z_:-]+))? \[/;

/**
 * Parse the [Term] stanzas of an OBO 1.4 file (other stanza kinds are skipped).
 *
 * @throws when the file has no data-version header line or a term has no id or name
 */
export function parseObo(text: string): OboRelease {
  const lines = text.split(/\r?\n/);
  const header = lines.find((l) => l.startsWith('data-version: '));
  if (header === undefined) throw new Error('hp.obo: no "data-version:" line in the header');
  const terms: OboTerm[] = [];
  let term: OboTerm | undefined;
  let inTerm = false;
  const finish = () => {
    if (term === undefined) return;
    if (term.id === '' || term.name === '')
      throw new Error(`hp.obo: a [Term] without id or name near "${term.id}"`);
    terms.push(term);
    term = undefined;
  };
  for (const line of lines) {
    if (line.startsWith('[')) {
      finish();
      inTerm = line === '[Term]';
      if (inTerm)
        term = { id: '', name: '', synonyms: [], isA: [], obsolete: false, replacedBy: [], consider: [] };
      continue;
    }
    if (!inTerm || term === undefined) continue;
    const colon = line.indexOf(': ');
    if (colon < 0) continue;
    const tag = line.slice(0, colon);
    const value = line.slice(colon + 2).replace(/ ! .*$/, '');
    if (tag === 'id') term.id = value;
    else if (tag === 'name') term.name = value;
    else if (tag === 'is_a') term.isA.push(value.split(' ')[0] ?? value);
    else if (tag === 'is_obsolete') term.obsolete = value === 'true';
    else if (tag === 'replaced_by') term.replacedBy.push(value);
    else if (tag === 'consider') term.consider.push(value);
    else if (tag === 'synonym') {
      const m = SYNONYM.exec(line);
      if (m) term.synonyms.push([m[2] ?? '', (m[1] ?? '').replace(/\\(.)/g, '$1'), m[3] ?? '']);
    }
  }
  finish();
  return { dataVersion: header.slice('data-version: '.length).trim(), terms };
}

/** The bundled tables as TSV text: labels, synonyms (with layperson flagged), is_a and obsolete → replacement. */
export function hpoTables(release: OboRelease): Record<'labels' | 'synonyms' | 'isA' | 'obsolete', string> {
  const labels: string[] = [];
  const synonyms: string[] = [];
  const isA: string[] = [];
  const obsolete: string[] = [];
  for (const t of release.terms) {
    if (!t.id.startsWith('HP:')) continue;
    if (t.obsolete) {
      obsolete.push(`${t.id}\t${t.replacedBy.join(',')}\t${t.consider.join(',')}`);
      continue;
    }
    labels.push(`${t.id}\t${t.name}`);
    for (const [scope, text, type] of t.synonyms)
      synonyms.push(`${t.id}\t${scope}\t${text}${type === 'layperson' ? '\tlayperson' : ''}`);
    for (const parent of t.isA) isA.push(`${t.id}\t${parent}`);
  }
  const tsv = (rows: string[]) => `${rows.join('\n')}\n`;
  return { labels: tsv(labels), synonyms: tsv(synonyms), isA: tsv(isA), obsolete: tsv(obsolete) };
}

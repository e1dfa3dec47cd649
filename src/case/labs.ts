// Lab test resolution: a LOINC code or a name as laboratories print it ("Serum ferritin level", "IgG (CSF)", "Coombs/DAT").
import type { KnowledgeIndex } from '../knowledge/index.js';
import { normaliseText } from '../knowledge/normalise.js';
import type { Lab } from '../knowledge/schema.js';

// Words a report adds around a test name that do not change which test it is.
const NOISE = new Set([
  'level',
  'levels',
  'test',
  'result',
  'value',
  'concentration',
  'conc',
  'measurement',
  'assay',
  'serum',
  'plasma',
  'blood',
  'random',
]);

// A bracketed specimen changes the test ("IgG (CSF)" is not serum IgG), so it is moved in front of the name.
const SPECIMENS = new Set([
  'csf',
  'cerebrospinal fluid',
  'urine',
  'pleural fluid',
  'ascitic fluid',
  'serum',
  'plasma',
]);

function withoutNoise(name: string): string {
  return name
    .split(' ')
    .filter((word) => !NOISE.has(word))
    .join(' ');
}

/**
 * Names to look up for one lab name as written, most literal first: the whole name, a bracketed specimen moved in
 * front, the name outside brackets, each bracketed part, and each of these without filler words ("level", "serum").
 *
 * @param name - the lab name as given in the case
 * @returns normalised candidate names, without duplicates
 */
export function labNameCandidates(name: string): string[] {
  const inner = [...name.matchAll(/\(([^)]*)\)/g)].map((m) => normaliseText(m[1] ?? ''));
  const outer = normaliseText(name.replace(/\([^)]*\)/g, ' '));
  const specimen = inner.filter((part) => SPECIMENS.has(part)).map((part) => `${part} ${outer}`);
  const literal = [normaliseText(name), ...specimen, ...(specimen.length > 0 ? [] : [outer]), ...inner];
  const all = [...literal, ...literal.map(withoutNoise)];
  return [...new Set(all.filter((candidate) => candidate !== ''))];
}

/** The labs a name can mean, in order: each candidate name, and its 24-hour urine twin (tried when the unit is per day). */
function labsByName(name: string, index: KnowledgeIndex): Lab[] {
  const out: Lab[] = [];
  const candidates = labNameCandidates(name);
  for (const candidate of candidates) {
    const lab = index.labByName.get(candidate);
    if (lab !== undefined) out.push(lab);
  }
  // "Coombs/DAT", "PT/INR": parts split on a slash count only when every part that resolves names the same test.
  if (out.length === 0 && name.includes('/')) {
    const parts = name
      .split('/')
      .map((part) =>
        labNameCandidates(part)
          .map((c) => index.labByName.get(c))
          .find((lab) => lab !== undefined),
      )
      .filter((lab): lab is Lab => lab !== undefined);
    if (parts.length > 0 && parts.every((lab) => lab.id === parts[0]?.id)) out.push(...parts.slice(0, 1));
  }
  for (const candidate of candidates) {
    const lab = index.labByName.get(`24 hour ${candidate}`);
    if (lab !== undefined) out.push(lab);
  }
  return [...new Set(out)];
}

/**
 * Catalogue tests a lab entry may mean, best first: the test with its LOINC code (main or alternate) alone, else the tests
 * its name resolves to. The caller takes the first whose canonical unit the value's unit converts to.
 *
 * @param entry - the lab's `loinc` and `name` as given
 * @param index - the knowledge index (labs by LOINC code and by normalised name)
 * @returns candidate tests without duplicates; empty when nothing matches
 */
export function resolveLabCandidates(
  entry: { readonly loinc?: string | undefined; readonly name?: string | undefined },
  index: KnowledgeIndex,
): Lab[] {
  const byCode = entry.loinc === undefined ? undefined : index.labByLoinc.get(entry.loinc);
  if (byCode !== undefined) return [byCode];
  return entry.name === undefined ? [] : labsByName(entry.name, index);
}

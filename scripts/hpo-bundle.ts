// Combine the HPO release artefacts that can be read here into the bundled vocab/hpo/ tables (see
// scripts/build-hpo-bundle.ts and vocab/hpo/README.md for where each input comes from).
import { type OboRelease, parseObo } from './hpo-obo.js';
import { type RValue, readRds } from './rds.js';

export interface BundleSources {
  /** hp-es.babelon.tsv: the English source labels of the current release (rdfs:label rows). */
  labels: string;
  /** simona ontology_DAG saved with saveRDS: the is_a hierarchy and alternative ids of an hp.obo release. */
  dag: Buffer;
  /** hp-nl.synonyms.tsv: exact synonyms, English where the row is NOT_TRANSLATED. */
  exactSynonyms: string;
  /** reports/layperson-synonyms.tsv: ?term ?term_label ?layperson as SPARQL output. */
  layperson: string;
  /** An older hp.obo: scoped RELATED/NARROW synonyms and obsolete → replaced_by/consider. */
  oldObo: string;
  /** Hand-read lines (term, is_a | replaced_by | synonym, value) from a newer hp.obo than the other inputs. */
  complement: string;
}

export interface Bundle {
  labels: string;
  synonyms: string;
  isA: string;
  obsolete: string;
  /** The hierarchy's release, e.g. "hp/releases/2024-02-08". */
  dagRelease: string;
  counts: Record<string, number>;
}

function rows(tsv: string): string[][] {
  return tsv
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => l.split('\t'));
}

function slot(value: RValue, name: string): RValue {
  const v = value.attributes.get(name);
  if (v === undefined) throw new Error(`hierarchy file: no "${name}" slot (not a simona ontology_DAG?)`);
  return v;
}

interface Dag {
  release: string;
  parents: Map<string, string[]>;
  /** alternative id → the term it now names */
  alternatives: Map<string, string>;
}

/** The is_a parents and alternative ids held by a simona ontology_DAG object. */
export function readDag(data: Buffer): Dag {
  const root = readRds(data);
  const terms = slot(root, 'terms').value as string[];
  const lists = slot(root, 'lt_parents').value as RValue[];
  const source = String((slot(root, 'source').value as string[])[0] ?? '');
  const relations = (slot(root, 'lt_children_relations').attributes.get('levels')?.value as string[]) ?? [];
  if (relations.length !== 1 || relations[0] !== 'is_a')
    throw new Error(`hierarchy file: relations ${relations.join(',')} (only is_a is read)`);
  const parents = new Map<string, string[]>();
  terms.forEach((id, i) => {
    const list = (lists[i]?.value as number[]) ?? [];
    parents.set(
      id,
      list.map((p) => terms[p - 1] ?? ''),
    );
  });
  const alt = slot(root, 'alternative_terms');
  const altIds = (alt.attributes.get('names')?.value as string[]) ?? [];
  const alternatives = new Map<string, string>();
  (alt.value as string[]).forEach((primary, i) => {
    const a = altIds[i];
    if (a !== undefined && primary !== undefined) alternatives.set(a, primary);
  });
  return { release: source.replace(/^hp\.obo, /, ''), parents, alternatives };
}

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Build the bundled tables.
 *
 * @throws when an input is not in the expected layout (no labels, no hierarchy slots)
 */
export function buildBundle(src: BundleSources): Bundle {
  const labels = new Map<string, string>();
  const labelRows = rows(src.labels);
  const head = labelRows[0] ?? [];
  const idCol = head.indexOf('subject_id');
  const valueCol = head.indexOf('source_value');
  const predCol = head.indexOf('predicate_id');
  if (idCol < 0 || valueCol < 0 || predCol < 0)
    throw new Error('labels table: needs subject_id, source_value and predicate_id columns');
  for (const r of labelRows.slice(1))
    if (r[predCol] === 'rdfs:label' && r[idCol]?.startsWith('HP:') && r[valueCol])
      labels.set(r[idCol] ?? '', r[valueCol] ?? '');
  if (labels.size < 1000) throw new Error(`labels table: only ${labels.size} labels`);

  const complement = rows(src.complement);
  const replacedLater = new Map<string, string>();
  for (const [id, relation, value] of complement)
    if (relation === 'replaced_by' && id && value) {
      labels.delete(id);
      replacedLater.set(id, value);
    }
  const dag = readDag(src.dag);
  const old: OboRelease = parseObo(src.oldObo);

  // Obsolete ids: alternative ids of the hierarchy's release, then the older release's obsolete terms, then ids
  // that either release had as terms and the current labels no longer hold.
  const obsolete = new Map<string, { replacedBy: string[]; consider: string[] }>();
  for (const [id, by] of replacedLater) obsolete.set(id, { replacedBy: [by], consider: [] });
  for (const [alt, primary] of dag.alternatives)
    if (!labels.has(alt) && labels.has(primary)) obsolete.set(alt, { replacedBy: [primary], consider: [] });
  for (const t of old.terms) {
    if (!t.id.startsWith('HP:') || labels.has(t.id) || obsolete.has(t.id)) continue;
    if (t.obsolete)
      obsolete.set(t.id, {
        replacedBy: t.replacedBy.filter((r) => labels.has(r)),
        consider: t.consider.filter((r) => labels.has(r)),
      });
  }
  for (const id of [...dag.parents.keys(), ...old.terms.map((t) => t.id)])
    if (id.startsWith('HP:') && !labels.has(id) && !obsolete.has(id))
      obsolete.set(id, { replacedBy: [], consider: [] });

  const current = (id: string): string | undefined =>
    labels.has(id) ? id : obsolete.get(id)?.replacedBy.find((r) => labels.has(r));

  const isA = new Map<string, Set<string>>();
  let droppedEdges = 0;
  const addEdge = (child: string, parent: string) => {
    const p = current(parent);
    if (!labels.has(child) || p === undefined || p === child) {
      droppedEdges++;
      return;
    }
    const set = isA.get(child) ?? new Set<string>();
    set.add(p);
    isA.set(child, set);
  };
  for (const [child, parents] of dag.parents) for (const p of parents) addEdge(child, p);
  let complemented = 0;
  for (const [child, relation, parent] of complement) {
    if (relation !== 'is_a' || !child || !parent) continue;
    if (dag.parents.has(child)) throw new Error(`complement: ${child} is already in the hierarchy`);
    addEdge(child, parent);
    complemented++;
  }

  // Synonyms: a phrase that is now another term's label is left out (the older release may have moved it).
  const labelOwner = new Map<string, string>();
  for (const [id, label] of labels) labelOwner.set(norm(label), id);
  const synonyms: string[] = [];
  const seen = new Set<string>();
  const counts: Record<string, number> = {};
  const addSyn = (id: string, scope: string, text: string, type: string, release: string) => {
    const t = text.trim().replace(/\.$/, '');
    if (!labels.has(id) || t === '') return;
    const owner = labelOwner.get(norm(t));
    if (owner !== undefined && owner !== id) return;
    const key = `${id}\t${norm(t)}`;
    if (seen.has(key)) return;
    seen.add(key);
    synonyms.push(`${id}\t${scope}\t${t}\t${type}\t${release}`);
    counts[`synonyms ${release} ${scope}${type ? ` ${type}` : ''}`] =
      (counts[`synonyms ${release} ${scope}${type ? ` ${type}` : ''}`] ?? 0) + 1;
  };
  for (const r of rows(src.layperson)) {
    const id = /HP_(\d{7})/.exec(r[0] ?? '')?.[1];
    const text = /^"(.*)"(?:@en)?$/.exec(r[2] ?? '')?.[1];
    if (id && text) addSyn(`HP:${id}`, 'EXACT', text, 'layperson', '2021-04');
  }
  for (const r of rows(src.exactSynonyms))
    if (r[2] === 'NOT_TRANSLATED' && r[0]?.startsWith('HP:'))
      addSyn(r[0], 'EXACT', r[1] ?? '', '', '2024-12');
  for (const [id, relation, value] of complement)
    if (relation === 'synonym' && id && value) addSyn(id, 'EXACT', value, '', '2026-09-01');
  for (const t of old.terms)
    for (const [scope, text, type] of t.synonyms)
      addSyn(
        t.id,
        scope,
        text,
        type === 'layperson' ? 'layperson' : '',
        old.dataVersion.replace(/^.*\//, ''),
      );

  const tsv = (lines: string[]) => `${lines.join('\n')}\n`;
  const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    labels: tsv([...labels].sort(([a], [b]) => byId(a, b)).map(([id, l]) => `${id}\t${l}`)),
    synonyms: tsv(synonyms),
    isA: tsv(
      [...isA].sort(([a], [b]) => byId(a, b)).flatMap(([c, ps]) => [...ps].sort().map((p) => `${c}\t${p}`)),
    ),
    obsolete: tsv(
      [...obsolete]
        .sort(([a], [b]) => byId(a, b))
        .map(([id, o]) => `${id}\t${o.replacedBy.join(',')}\t${o.consider.join(',')}`),
    ),
    dagRelease: dag.release,
    counts: {
      ...counts,
      labels: labels.size,
      'terms with parents': isA.size,
      'terms without parents': labels.size - isA.size,
      'is_a edges dropped (obsolete parent or child)': droppedEdges,
      'is_a lines from the complement': complemented,
      obsolete: obsolete.size,
      'obsolete with replacement': [...obsolete.values()].filter((o) => o.replacedBy.length > 0).length,
    },
  };
}

// What the FHIR reader builds as it goes: the native case lists, what it left out and why, and where each item came from.
import type { CaseInput, Unrecognised } from '../case/schema.js';
import type { KnowledgeIndex } from '../knowledge/index.js';
import type { FhirIssue } from './issues.js';
import type { Located } from './resources.js';

export type ListKey =
  | 'findings'
  | 'notes'
  | 'labs'
  | 'antibodies'
  | 'knownCancers'
  | 'medications'
  | 'plan'
  | 'remedies';
export type ItemOf<K extends ListKey> = NonNullable<CaseInput[K]>[number];
type Lists = { [K in ListKey]: ItemOf<K>[] };

export class ReadContext {
  readonly lists: Lists = {
    findings: [],
    notes: [],
    labs: [],
    antibodies: [],
    knownCancers: [],
    medications: [],
    plan: [],
    remedies: [],
  };
  readonly unrecognised: Unrecognised[] = [];
  readonly issues: FhirIssue[] = [];
  /** Native path (e.g. labs.2) → FHIRPath of the element it came from. */
  readonly sources = new Map<string, string>();

  constructor(
    readonly asOf: string,
    readonly index: KnowledgeIndex | undefined,
    /** Resources by reference ("Type/id" and fullUrl), for medicationReference and specimen. */
    readonly byReference: ReadonlyMap<string, Located>,
  ) {}

  add<K extends ListKey>(key: K, item: ItemOf<K>, from: string): void {
    const list = this.lists[key] as ItemOf<K>[];
    this.sources.set(`${key}.${list.length}`, from);
    list.push(item);
  }

  skip(field: string, value: string, reason: string): void {
    this.unrecognised.push({ field, value, reason });
  }
}

/** Map keys under which a resource can be referred to inside the input. */
export function referenceKeys(l: Located): string[] {
  const keys: string[] = [];
  if (l.resource.id !== undefined) keys.push(`${l.resource.resourceType}/${l.resource.id}`);
  if (l.fullUrl !== undefined) keys.push(l.fullUrl);
  return keys;
}

/** The FHIRPath of a native case path: the longest recorded prefix (labs.2.unit → labs.2's source + .unit kept aside). */
export function sourceLookup(sources: ReadonlyMap<string, string>): (casePath: string) => string | undefined {
  return (casePath) => {
    const parts = casePath.split('.');
    for (let n = parts.length; n > 0; n--) {
      const hit = sources.get(parts.slice(0, n).join('.'));
      if (hit !== undefined) return hit;
    }
    return undefined;
  };
}

// Knowledge-base loader: reads every YAML file, validates it with Zod and returns all problems at once.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { checkReferences } from './check-refs.js';
import { checkRiskGroups } from './check-risk-group.js';
import { checkUnidentifiedSources } from './check-unidentified-source.js';
import { parseHpo } from './hpo.js';
import type { KnowledgeIssue } from './issues.js';
import type { Knowledge } from './knowledge.js';
import {
  AntibodySchema,
  DeltaPSchema,
  FindingSchema,
  LabSchema,
  ModelSchema,
  PatternSchema,
  PnsCareSchema,
  ReferenceSchema,
  RescreenSchema,
  SeedCoverageSchema,
  SyndromeSchema,
  TumourSchema,
  VersionSchema,
} from './schema.js';
import { DrugSchema, PhysioSchema, RemedySchema } from './treatment-schema.js';

export type { Knowledge } from './knowledge.js';

export interface LoadResult {
  /** Present only when there is no issue at all. */
  kb: Knowledge | undefined;
  issues: KnowledgeIssue[];
}

/** The files of the HPO vocabulary the loader reads from the vocabulary folder. */
export const HPO_FILES = {
  labels: 'labels.tsv',
  synonyms: 'synonyms.tsv',
  isA: 'is_a.tsv',
  obsolete: 'obsolete.tsv',
} as const;

/** Entity folders under `knowledge/`, each with the schema of its files. */
export const FAMILIES = {
  syndromes: SyndromeSchema,
  findings: FindingSchema,
  antibodies: AntibodySchema,
  tumours: TumourSchema,
  labs: LabSchema,
  references: ReferenceSchema,
  patterns: PatternSchema,
} as const;

/** Every entity folder the loader reads, optional treatment folders included, with its schema. */
export const ENTITY_SCHEMAS = {
  ...FAMILIES,
  drugs: DrugSchema,
  remedies: RemedySchema,
  physio: PhysioSchema,
} as const;

function readYaml(path: string, root: string, issues: KnowledgeIssue[]): unknown {
  const file = relative(root, path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    issues.push({ code: 'unreadable-file', file, path: '', message: String(error) });
    return undefined;
  }
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    for (const error of doc.errors)
      issues.push({ code: 'yaml-syntax', file, path: '', message: error.message });
    return undefined;
  }
  return doc.toJS();
}

function validate<S extends z.ZodType>(
  schema: S,
  data: unknown,
  file: string,
  issues: KnowledgeIssue[],
): z.infer<S> | undefined {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues)
    issues.push({ code: 'schema', file, path: issue.path.join('.'), message: issue.message });
  return undefined;
}

function loadFamily<S extends z.ZodType>(
  root: string,
  folder: string,
  schema: S,
  issues: KnowledgeIssue[],
  optional = false,
): Array<z.infer<S>> {
  const dir = join(root, folder);
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.yaml'));
  } catch {
    if (!optional)
      issues.push({
        code: 'missing-folder',
        file: folder,
        path: '',
        message: `folder ${folder}/ is missing`,
      });
    return [];
  }
  const out: Array<z.infer<S>> = [];
  for (const name of names.sort()) {
    const path = join(dir, name);
    const file = relative(root, path);
    const entity = validate(schema, readYaml(path, root, issues), file, issues);
    if (entity === undefined) continue;
    const id = (entity as { id: string }).id;
    if (id !== basename(name, '.yaml'))
      issues.push({
        code: 'id-file-mismatch',
        file,
        path: 'id',
        message: `id "${id}" must equal the file name`,
      });
    out.push(everyField(schema, entity));
  }
  return out;
}

/**
 * The entity with every field its schema names, in schema order (undefined where the file gives none): entities of one
 * family then share one shape, which keeps the engine's per-case reads of them fast (eight syndrome files gave eight).
 */
export function everyField<T>(schema: z.ZodType, entity: T): T {
  const shape = (schema as { shape?: Record<string, unknown> }).shape;
  if (shape === undefined || typeof entity !== 'object' || entity === null) return entity;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(shape)) out[key] = (entity as Record<string, unknown>)[key];
  return out as T;
}

/**
 * Load and validate the knowledge base from a folder.
 *
 * @param root - the `knowledge/` folder
 * @param vocabDir - the folder holding the HPO TSV files
 * @returns the knowledge (when every file validated) and every issue found, never only the first
 */
export function loadKnowledge(root: string, vocabDir: string): LoadResult {
  const issues: KnowledgeIssue[] = [];
  const version = validate(VersionSchema, readYaml(join(root, 'VERSION'), root, issues), 'VERSION', issues);
  const model = validate(ModelSchema, readYaml(join(root, 'model.yaml'), root, issues), 'model.yaml', issues);
  const pnsCare = validate(
    PnsCareSchema,
    readYaml(join(root, 'criteria', 'pns-care-2021.yaml'), root, issues),
    'criteria/pns-care-2021.yaml',
    issues,
  );
  const deltaP = validate(
    DeltaPSchema,
    readYaml(join(root, 'criteria', 'delta-p.yaml'), root, issues),
    'criteria/delta-p.yaml',
    issues,
  );
  const rescreen = validate(
    RescreenSchema,
    readYaml(join(root, 'criteria', 'rescreen.yaml'), root, issues),
    'criteria/rescreen.yaml',
    issues,
  );
  const seedPath = join(root, 'seed-coverage.yaml');
  const seedCoverage = existsSync(seedPath)
    ? validate(SeedCoverageSchema, readYaml(seedPath, root, issues), 'seed-coverage.yaml', issues)
    : undefined;
  const families = {
    syndromes: loadFamily(root, 'syndromes', FAMILIES.syndromes, issues),
    findings: loadFamily(root, 'findings', FAMILIES.findings, issues),
    antibodies: loadFamily(root, 'antibodies', FAMILIES.antibodies, issues),
    tumours: loadFamily(root, 'tumours', FAMILIES.tumours, issues),
    labs: loadFamily(root, 'labs', FAMILIES.labs, issues),
    references: loadFamily(root, 'references', FAMILIES.references, issues),
    patterns: loadFamily(root, 'patterns', FAMILIES.patterns, issues),
    drugs: loadFamily(root, 'drugs', ENTITY_SCHEMAS.drugs, issues, true),
    remedies: loadFamily(root, 'remedies', ENTITY_SCHEMAS.remedies, issues, true),
    physio: loadFamily(root, 'physio', ENTITY_SCHEMAS.physio, issues, true),
  };
  const read = (part: keyof typeof HPO_FILES) => readFileSync(join(vocabDir, HPO_FILES[part]), 'utf8');
  const hpo = parseHpo({
    labels: read('labels'),
    synonyms: read('synonyms'),
    isA: read('isA'),
    obsolete: read('obsolete'),
  });
  if (
    version === undefined ||
    model === undefined ||
    pnsCare === undefined ||
    deltaP === undefined ||
    rescreen === undefined
  )
    return { kb: undefined, issues };
  const kb: Knowledge = {
    version,
    model,
    hpo,
    criteria: { pnsCare, deltaP, rescreen },
    ...(seedCoverage === undefined ? {} : { seedCoverage }),
    ...families,
  };
  // Cross-references are checked over every file that passed its schema, so one run lists both kinds of problem.
  issues.push(...checkReferences(kb), ...checkRiskGroups(kb), ...checkUnidentifiedSources(kb));
  return { kb: issues.length === 0 ? kb : undefined, issues };
}

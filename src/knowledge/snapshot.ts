// A prepared copy of the validated bundled knowledge in one JSON file, so that a process (a CLI run, a screening worker)
// loads it with JSON.parse instead of parsing and validating every YAML file. It is refused, and the YAML loaded instead,
// unless it was written from exactly the present knowledge and vocabulary files by exactly the present loader code.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HpoVocabulary, ObsoleteTerm } from './hpo.js';
import type { KnowledgeIssue } from './issues.js';
import type { Knowledge } from './knowledge.js';
import { ENTITY_SCHEMAS, everyField, HPO_FILES, loadKnowledge } from './load.js';

/** Raised whenever the file's layout changes, so an older file is refused. */
export const SNAPSHOT_FORMAT = 1;

export const SNAPSHOT_FILE = 'knowledge.snapshot.json';

interface EncodedHpo {
  readonly labels: ReadonlyArray<readonly [string, string]>;
  readonly phrases: HpoVocabulary['phrases'];
  readonly parents: ReadonlyArray<readonly [string, readonly string[]]>;
  readonly obsolete: ReadonlyArray<readonly [string, ObsoleteTerm]>;
}

interface SnapshotFile {
  readonly format: number;
  readonly knowledgeVersion: string;
  /** sha256 of every file under knowledge/ and of the HPO files read from the vocabulary folder. */
  readonly sourcesHash: string;
  /** sha256 of the loader's own source or compiled files, so a changed schema or loader refuses an older snapshot. */
  readonly codeHash: string;
  readonly knowledge: Omit<Knowledge, 'hpo'> & { readonly hpo: EncodedHpo };
}

export type SnapshotRead =
  | { readonly kb: Knowledge; readonly knowledgeVersion: string }
  | { readonly kb: undefined; readonly refused: string };

export type SnapshotWrite =
  | {
      readonly written: true;
      readonly path: string;
      readonly bytes: number;
      readonly knowledgeVersion: string;
    }
  | { readonly written: false; readonly issues: readonly KnowledgeIssue[] };

const here = dirname(fileURLToPath(import.meta.url));

/** Where this copy of the code looks for its snapshot: beside its own files (dist/src/knowledge, .bench/src/knowledge). */
export function defaultSnapshotPath(): string {
  return join(here, SNAPSHOT_FILE);
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path));
    else if (entry.isFile()) out.push(path);
  }
  return out.sort();
}

function hashFiles(files: ReadonlyArray<readonly [name: string, path: string]>): string {
  const hash = createHash('sha256');
  for (const [name, path] of files) {
    const bytes = readFileSync(path);
    hash.update(`${name}\0${bytes.length}\0`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}

/** The content hash of the knowledge folder (every file) and of the HPO files the loader reads. */
export function sourcesHash(knowledgeDir: string, vocabDir: string): string {
  return hashFiles([
    ...filesUnder(knowledgeDir).map(
      (path) => [`knowledge/${relative(knowledgeDir, path).split(sep).join('/')}`, path] as const,
    ),
    ...Object.values(HPO_FILES).map((name) => [`vocab/${name}`, join(vocabDir, name)] as const),
  ]);
}

/** The hash of this folder's modules as this process runs them (.ts from src, .js from a compiled tree). */
export function codeHash(): string {
  const code = readdirSync(here)
    .filter((name) => /\.(js|ts)$/.test(name) && !/\.(d|test)\.ts$/.test(name) && !name.endsWith('.test.js'))
    .sort();
  return hashFiles(code.map((name) => [name, join(here, name)] as const));
}

function encode(kb: Knowledge, header: Omit<SnapshotFile, 'knowledge'>): string {
  const { hpo, ...rest } = kb;
  const file: SnapshotFile = {
    ...header,
    knowledge: {
      ...rest,
      hpo: {
        labels: [...hpo.labels],
        phrases: hpo.phrases,
        parents: [...hpo.parents],
        obsolete: [...hpo.obsolete],
      },
    },
  };
  return JSON.stringify(file);
}

function decode(file: SnapshotFile): Knowledge {
  const { hpo, ...rest } = file.knowledge;
  const families: Record<string, unknown[]> = {};
  // JSON drops the fields a file leaves out; the loader gives every entity all of its schema's fields, in schema order.
  for (const [name, schema] of Object.entries(ENTITY_SCHEMAS))
    families[name] = (rest[name as keyof typeof ENTITY_SCHEMAS] as readonly unknown[]).map((entity) =>
      everyField(schema, entity),
    );
  return {
    ...rest,
    ...families,
    hpo: {
      labels: new Map(hpo.labels),
      phrases: hpo.phrases,
      parents: new Map(hpo.parents),
      obsolete: new Map(hpo.obsolete),
    },
  } as Knowledge;
}

/**
 * Load the knowledge, validated, from the YAML and write its snapshot; with any problem write none (and remove an older
 * one), so only knowledge that passed every check is ever read back.
 */
export function writeSnapshot(path: string, knowledgeDir: string, vocabDir: string): SnapshotWrite {
  // Hashed before loading: a file changed while loading leaves a hash that the next read refuses.
  const header = {
    format: SNAPSHOT_FORMAT,
    sourcesHash: sourcesHash(knowledgeDir, vocabDir),
    codeHash: codeHash(),
  };
  const { kb, issues } = loadKnowledge(knowledgeDir, vocabDir);
  if (kb === undefined || issues.length > 0) {
    rmSync(path, { force: true });
    return { written: false, issues };
  }
  const knowledgeVersion = kb.version.knowledgeVersion;
  const text = encode(kb, { ...header, knowledgeVersion });
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
  return { written: true, path, bytes: Buffer.byteLength(text), knowledgeVersion };
}

/** Read a snapshot, or say why it is refused (absent, unreadable, another format, other sources or other code). */
export function readSnapshot(path: string, knowledgeDir: string, vocabDir: string): SnapshotRead {
  if (!existsSync(path)) return { kb: undefined, refused: `no snapshot at ${path}` };
  let file: SnapshotFile;
  try {
    file = JSON.parse(readFileSync(path, 'utf8')) as SnapshotFile;
  } catch (error) {
    return { kb: undefined, refused: `snapshot ${path} is unreadable: ${(error as Error).message}` };
  }
  if (file.format !== SNAPSHOT_FORMAT)
    return { kb: undefined, refused: `snapshot ${path} has format ${file.format}, not ${SNAPSHOT_FORMAT}` };
  if (file.codeHash !== codeHash())
    return { kb: undefined, refused: `snapshot ${path} was written by other loader code` };
  if (file.sourcesHash !== sourcesHash(knowledgeDir, vocabDir))
    return { kb: undefined, refused: `snapshot ${path} does not match the knowledge and vocabulary files` };
  return { kb: decode(file), knowledgeVersion: file.knowledgeVersion };
}

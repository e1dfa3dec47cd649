// The `paraneo` command: assess case files, check the knowledge base, print the version.
import { parseCase } from '../case/parse.js';
import { assess } from '../engine/assess.js';
import type { Assessment } from '../engine/assessment.js';
import { loadBundledIndex } from '../knowledge/bundled.js';
import { formatIssue, type KnowledgeIndex } from '../knowledge/index.js';
import { renderText } from '../render/text.js';
import { parseCommandArgs } from './command-args.js';

export const EXIT = { ok: 0, internal: 1, invalidInput: 2 } as const;

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): string;
  readStdin(): string;
}

const HELP = `paraneo — decision support for paraneoplastic syndromes (not a diagnosis)

Usage:
  paraneo assess <file…|-> [--format text|json]   assess case JSON files ("-" reads standard input)
  paraneo assess --store --patient ID <file|->     assess one case, store it and say what changed since the last one
  paraneo due [--as-of DATE] [--format text|json]  patients whose re-screen is due or overdue, with what to order
  paraneo screen <ndjson-dir|files…> [--as-of DATE] [--workers N] [--out DIR] [--store]
                                                   screen a population's FHIR Bulk Data NDJSON (paraneo screen --help)
  paraneo screen-queue <ndjson…> --redis URL --out DIR [--as-of DATE]
                                                   screen Bulk Data NDJSON on Redis workers (screen-queue --help)
  paraneo screen-worker --redis URL [--as-of DATE] [--consumer NAME]
                                                   a worker for screen-queue, on this or any machine (--help)
  paraneo serve [--port N] [--host H] [--no-auth]   start the HTTP API, FHIR and CDS Hooks server (paraneo serve --help)
  paraneo kb check                                 validate the bundled knowledge base
  paraneo --version                                print the program and knowledge versions
  paraneo --help                                   this help

Exit codes: 0 success, 2 invalid input (the message names the file and field), 1 internal error.
`;

export function loadIndex(io: Io): KnowledgeIndex | undefined {
  const { index, issues } = loadBundledIndex();
  if (index === undefined) {
    for (const issue of issues) io.stderr(`${formatIssue(issue)}\n`);
    io.stderr(`paraneo: the knowledge base has ${issues.length} problem(s)\n`);
  }
  return index;
}

function readJson(file: string, io: Io): { ok: true; value: unknown } | { ok: false; message: string } {
  let text: string;
  try {
    text = file === '-' ? io.readStdin() : io.readFile(file);
  } catch (error) {
    return { ok: false, message: `cannot read: ${(error as Error).message}` };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: `not valid JSON: ${(error as Error).message}` };
  }
}

function runAssess(files: string[], format: string, io: Io): number {
  if (files.length === 0) {
    io.stderr('paraneo assess: give at least one case file, or "-" for standard input\n');
    return EXIT.invalidInput;
  }
  if (format !== 'text' && format !== 'json') {
    io.stderr(`paraneo assess: --format must be text or json, not "${format}"\n`);
    return EXIT.invalidInput;
  }
  const index = loadIndex(io);
  if (index === undefined) return EXIT.internal;
  const results: Array<{ file: string; assessment: Assessment }> = [];
  let invalid = false;
  for (const file of files) {
    const json = readJson(file, io);
    if (!json.ok) {
      io.stderr(`${file}: ${json.message}\n`);
      invalid = true;
      continue;
    }
    const parsed = parseCase(json.value, index);
    if (!parsed.success) {
      for (const issue of parsed.issues) io.stderr(`${file}: ${issue.path}: ${issue.message}\n`);
      invalid = true;
      continue;
    }
    results.push({ file, assessment: assess(parsed.data, index) });
  }
  if (format === 'json') {
    const body = files.length === 1 && results.length === 1 ? results[0]?.assessment : results;
    if (results.length > 0) io.stdout(`${JSON.stringify(body, null, 2)}\n`);
  } else {
    for (const r of results)
      io.stdout(`${files.length > 1 ? `== ${r.file}\n` : ''}${renderText(r.assessment)}`);
  }
  return invalid ? EXIT.invalidInput : EXIT.ok;
}

/**
 * Run the CLI with the given arguments (without `node` and the script name).
 *
 * @returns the exit code
 */
export function main(argv: string[], io: Io, version: string): number {
  const parsed = parseCommandArgs('paraneo', HELP, io, {
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f', default: 'text' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
  if (parsed === undefined) return EXIT.invalidInput;
  const { values, positionals } = parsed;
  if (values.help === true) {
    io.stdout(HELP);
    return EXIT.ok;
  }
  if (values.version === true) {
    const index = loadIndex(io);
    io.stdout(
      `paraneo ${version}${index === undefined ? '' : ` (knowledge ${index.kb.version.knowledgeVersion})`}\n`,
    );
    return EXIT.ok;
  }
  const [command, ...rest] = positionals;
  if (command === 'assess') return runAssess(rest, String(values.format ?? 'text'), io);
  if (command === 'kb' && rest[0] === 'check') {
    const index = loadIndex(io);
    if (index === undefined) return EXIT.internal;
    const kb = index.kb;
    io.stdout(
      `knowledge ${kb.version.knowledgeVersion}: ${kb.syndromes.length} syndromes, ${kb.findings.length} findings, ${kb.antibodies.length} antibodies, ${kb.tumours.length} tumours, ${kb.labs.length} labs, ${kb.references.length} references — ok\n`,
    );
    return EXIT.ok;
  }
  io.stderr(`paraneo: unknown command "${positionals.join(' ')}"\n${HELP}`);
  return EXIT.invalidInput;
}

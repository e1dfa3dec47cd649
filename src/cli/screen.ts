// `paraneo screen <ndjson-dir|files…>`: bulk screening of FHIR Bulk Data NDJSON on one machine (docs/bulk-screening.md).
import { createHmac } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { runScreen, ScreenInputError } from '../bulk/run-screen.js';
import type { PartitionResult } from '../bulk/screen-partition.js';
import type { Storage } from '../storage/types.js';
import { parseCommandArgs } from './command-args.js';
import { EXIT, type Io } from './main.js';
import { progressSink } from './screen-progress.js';

export const SCREEN_HELP = `paraneo screen <ndjson-dir|files…> [options] — screen a population's FHIR Bulk Data NDJSON

Options:
  --as-of DATE     the date the population is screened at (YYYY-MM-DD; default today, UTC)
  --workers N      worker threads for pass 2 (default: available cores)
  --out DIR        results folder (default ./paraneo-screen); an interrupted run resumes from its checkpoint
  --store          also append each flagged assessment to storage, patient id pseudonymised with
                   HMAC-SHA-256 keyed by PARANEO_PSEUDONYM_KEY (or --ids-pseudonymous: the ids are already)
  --ids-pseudonymous  with --store: the source ids are already pseudonymous; store them as given
  --no-triage      send every patient to the full engine (slower; the same flagged set)

Writes to DIR: flagged.ndjson, unreadable.ndjson, unrecognised.ndjson, summary.json (and checkpoint.json, parts/,
results/ for resuming). Decision support, not a diagnosis: a flag is a reason to look, not a finding.
`;

export interface ScreenDeps {
  readonly openStorage: () => Promise<Storage>;
  readonly stderr: NodeJS.WriteStream;
  readonly env: NodeJS.ProcessEnv;
}

const bad = (io: Io, message: string) => {
  io.stderr(`paraneo screen: ${message}\n`);
  return EXIT.invalidInput;
};

function ndjsonInputs(paths: readonly string[]): string[] | string {
  const files: string[] = [];
  for (const p of paths) {
    if (!existsSync(p)) return `${p}: no such file or folder`;
    if (statSync(p).isDirectory()) {
      const inDir = readdirSync(p)
        .filter((f) => f.endsWith('.ndjson'))
        .sort()
        .map((f) => join(p, f));
      if (inDir.length === 0) return `${p}: the folder holds no .ndjson file`;
      files.push(...inDir);
    } else files.push(p);
  }
  return files;
}

/** The id storage keeps for a source patient id. */
export function pseudonymise(id: string, key: string | undefined): string {
  return key === undefined ? id : createHmac('sha256', key).update(id).digest('hex').slice(0, 32);
}

export async function runScreenCommand(argv: string[], io: Io, deps: ScreenDeps): Promise<number> {
  const parsed = parseCommandArgs('paraneo screen', `${SCREEN_HELP}\n`, io, {
    args: argv,
    allowPositionals: true,
    options: {
      'as-of': { type: 'string' },
      workers: { type: 'string' },
      out: { type: 'string', default: 'paraneo-screen' },
      store: { type: 'boolean', default: false },
      'ids-pseudonymous': { type: 'boolean', default: false },
      'no-triage': { type: 'boolean', default: false },
      partitions: { type: 'string' },
    },
  });
  if (parsed === undefined) return EXIT.invalidInput;
  const v = parsed.values as Record<string, string | boolean | undefined>;
  if (parsed.positionals.length === 0) return bad(io, 'give an NDJSON folder or files');
  const asOf = (v['as-of'] as string | undefined) ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf)))
    return bad(io, `--as-of: must be a date YYYY-MM-DD, not "${asOf}"`);
  const workersText = v.workers as string | undefined;
  const workers = workersText === undefined ? availableParallelism() : Number(workersText);
  if (!Number.isInteger(workers) || workers < 1 || workers > 256)
    return bad(io, `--workers: must be a whole number from 1 to 256, not "${workersText}"`);
  const partitionsText = v.partitions as string | undefined;
  const partitions = partitionsText === undefined ? undefined : Number(partitionsText);
  if (partitions !== undefined && (!Number.isInteger(partitions) || partitions < 1 || partitions > 100_000))
    return bad(io, `--partitions: must be a whole number from 1 to 100000, not "${partitionsText}"`);
  const inputs = ndjsonInputs(parsed.positionals);
  if (typeof inputs === 'string') return bad(io, inputs);
  const key = deps.env.PARANEO_PSEUDONYM_KEY;
  if (v.store === true && (key === undefined || key === '') && v['ids-pseudonymous'] !== true)
    return bad(
      io,
      '--store: set PARANEO_PSEUDONYM_KEY (ids are stored as HMAC-SHA-256 pseudonyms) or pass --ids-pseudonymous',
    );
  const storage = v.store === true ? await deps.openStorage() : undefined;
  const store =
    storage === undefined
      ? undefined
      : async (cases: PartitionResult['cases']) => {
          for (const c of cases) {
            const patientId = pseudonymise(c.patient, v['ids-pseudonymous'] === true ? undefined : key);
            // A partition interrupted while storing is stored again on resume: skip what is already there.
            const held = await storage.assessments(patientId);
            if (
              held.some(
                (a) => a.asOf === c.input.asOf && a.knowledgeVersion === c.assessment.knowledgeVersion,
              )
            )
              continue;
            // The case and its assessment carry the source id (Patient.id); storage keeps the pseudonym instead.
            await storage.appendAssessment({
              patientId,
              input: { ...c.input, id: patientId },
              assessment: { ...c.assessment, caseId: patientId },
              knowledgeVersion: c.assessment.knowledgeVersion,
              at: new Date().toISOString(),
            });
          }
        };
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  const bar = progressSink(deps.stderr);
  try {
    const summary = await runScreen({
      inputs,
      outDir: v.out as string,
      asOf,
      workers,
      triage: v['no-triage'] !== true,
      signal: controller.signal,
      onProgress: (p) => bar.update(p),
      ...(partitions === undefined ? {} : { partitions }),
      ...(store === undefined ? {} : { store }),
    });
    bar.stop();
    io.stdout(
      `paraneo screen: ${summary.patients} patients, ${summary.flagged} flagged (${(summary.flagRate * 100).toFixed(2)}%), ${summary.unreadable} unreadable, ${summary.unrecognised} lines unrecognised; ${summary.resourcesPerSecond} resources/s; results in ${String(v.out)}\n`,
    );
    return EXIT.ok;
  } catch (error) {
    bar.stop();
    if (controller.signal.aborted) {
      io.stderr(
        `paraneo screen: interrupted; run the same command again to resume from ${String(v.out)}/checkpoint.json\n`,
      );
      return 130;
    }
    if (error instanceof ScreenInputError) return bad(io, error.message);
    throw error;
  } finally {
    process.removeListener('SIGINT', onSigint);
    await storage?.close();
  }
}

// `paraneo due` and `paraneo assess --store --patient ID`: the follow-up face of the CLI over the configured storage.
import { parseCase } from '../case/parse.js';
import type { CaseInput } from '../case/schema.js';
import { assess } from '../engine/assess.js';
import { DISCLAIMER } from '../engine/assessment.js';
import { renderText } from '../render/text.js';
import { openStorage } from '../storage/open.js';
import { checkIsoDate, checkPatientId } from '../storage/sql-storage.js';
import { type DuePatient, type Storage, StorageError } from '../storage/types.js';
import { parseCommandArgs } from './command-args.js';
import { EXIT, type Io, loadIndex } from './main.js';

export interface StorageDeps {
  /** Opens the storage (PostgreSQL when DATABASE_URL is set, else PGlite in PARANEO_DATA_DIR). */
  readonly open: () => Promise<Storage>;
  readonly today: () => string;
  readonly now: () => string;
}

export const defaultStorageDeps: StorageDeps = {
  open: () => openStorage(),
  today: () => new Date().toISOString().slice(0, 10),
  now: () => new Date().toISOString(),
};

export const DUE_HELP = `paraneo due [--as-of YYYY-MM-DD] [--format text|json]
  Patients whose re-screen is due or overdue on the date (default today, UTC), with what to order.
  Storage: PostgreSQL when DATABASE_URL is set, else PGlite in $PARANEO_DATA_DIR (default ~/.local/share/paraneo).
`;

/** The due list as plain text, overdue items first within each patient as the storage orders them. */
export function renderDue(asOf: string, patients: readonly DuePatient[]): string {
  const lines = [`Re-screens due or overdue on ${asOf} — ${DISCLAIMER}`, ''];
  if (patients.length === 0) lines.push('No patient is due.');
  for (const p of patients) {
    lines.push(`${p.patientId} (last assessed ${p.lastAssessed}, assessment ${p.assessmentId})`);
    for (const i of p.items) {
      const window = i.dueBy === null ? '' : ` (window to ${i.dueBy})`;
      const missed = i.missed > 1 ? `; ${i.missed} scheduled dates have passed` : '';
      lines.push(
        `  ${i.status === 'overdue' ? 'OVERDUE' : 'DUE'} since ${i.due}${window}${missed}: ${i.test}`,
      );
      lines.push(`    why: ${i.reason}`);
    }
  }
  if (patients.length > 0) lines.push('', `${patients.length} patient(s).`);
  return `${lines.join('\n')}\n`;
}

async function withStorage(io: Io, deps: StorageDeps, fn: (s: Storage) => Promise<number>): Promise<number> {
  let storage: Storage;
  try {
    storage = await deps.open();
  } catch (error) {
    io.stderr(`paraneo: cannot open the storage: ${(error as Error).message}\n`);
    return EXIT.internal;
  }
  try {
    return await fn(storage);
  } finally {
    await storage.close();
  }
}

function formatOf(value: unknown, command: string, io: Io): 'text' | 'json' | undefined {
  const format = String(value ?? 'text');
  if (format === 'text' || format === 'json') return format;
  io.stderr(`paraneo ${command}: --format must be text or json, not "${format}"\n`);
  return undefined;
}

/** `paraneo due`. */
export async function runDue(
  argv: string[],
  io: Io,
  deps: StorageDeps = defaultStorageDeps,
): Promise<number> {
  const parsed = parseCommandArgs('paraneo due', DUE_HELP, io, {
    args: argv,
    options: { 'as-of': { type: 'string' }, format: { type: 'string', short: 'f' } },
  });
  if (parsed === undefined) return EXIT.invalidInput;
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const format = formatOf(values.format, 'due', io);
  if (format === undefined) return EXIT.invalidInput;
  const asOf = String(values['as-of'] ?? deps.today());
  try {
    checkIsoDate(asOf, '--as-of');
  } catch (error) {
    io.stderr(`paraneo due: ${(error as Error).message}\n`);
    return EXIT.invalidInput;
  }
  return withStorage(io, deps, async (storage) => {
    const patients = await storage.due(asOf);
    io.stdout(
      format === 'json'
        ? `${JSON.stringify({ asOf, disclaimer: DISCLAIMER, patients }, null, 2)}\n`
        : renderDue(asOf, patients),
    );
    return EXIT.ok;
  });
}

/** `paraneo assess --store --patient ID FILE`: assess one case, append it, and say what changed since the last one. */
export async function runAssessStore(
  argv: string[],
  io: Io,
  deps: StorageDeps = defaultStorageDeps,
): Promise<number> {
  const parsedArgs = parseCommandArgs('paraneo assess', '', io, {
    args: argv,
    allowPositionals: true,
    options: {
      store: { type: 'boolean' },
      patient: { type: 'string' },
      format: { type: 'string', short: 'f' },
    },
  });
  if (parsedArgs === undefined) return EXIT.invalidInput;
  const { values, positionals } = parsedArgs;
  const format = formatOf(values.format, 'assess', io);
  if (format === undefined) return EXIT.invalidInput;
  let patientId: string;
  try {
    patientId = checkPatientId(values.patient, '--patient');
  } catch (error) {
    io.stderr(`paraneo assess --store: ${(error as Error).message}\n`);
    return EXIT.invalidInput;
  }
  const file = positionals[0];
  if (file === undefined || positionals.length > 1) {
    io.stderr('paraneo assess --store: give exactly one case file (or "-" for standard input)\n');
    return EXIT.invalidInput;
  }
  let input: unknown;
  try {
    input = JSON.parse(file === '-' ? io.readStdin() : io.readFile(file));
  } catch (error) {
    io.stderr(`${file}: ${(error as Error).message}\n`);
    return EXIT.invalidInput;
  }
  const index = loadIndex(io);
  if (index === undefined) return EXIT.internal;
  const parsed = parseCase(input, index);
  if (!parsed.success) {
    for (const issue of parsed.issues) io.stderr(`${file}: ${issue.path}: ${issue.message}\n`);
    return EXIT.invalidInput;
  }
  if (parsed.data.asOf === undefined) {
    io.stderr(`${file}: asOf: required to store an assessment: the follow-up schedule is dated from it\n`);
    return EXIT.invalidInput;
  }
  const assessment = assess(parsed.data, index);
  return withStorage(io, deps, async (storage) => {
    let stored: Awaited<ReturnType<Storage['appendAssessment']>>;
    try {
      stored = await storage.appendAssessment({
        patientId,
        input: input as CaseInput,
        assessment,
        knowledgeVersion: assessment.knowledgeVersion,
        at: deps.now(),
      });
    } catch (error) {
      if (!(error instanceof StorageError) || error.code !== 'invalid-input') throw error;
      io.stderr(`${file}: ${error.message}\n`);
      return EXIT.invalidInput;
    }
    if (format === 'json') {
      io.stdout(`${JSON.stringify({ patientId, ...stored, assessment }, null, 2)}\n`);
      return EXIT.ok;
    }
    const changes =
      stored.changes === null
        ? ['first assessment of this patient']
        : stored.changes.summary.length === 0
          ? [`nothing changed since assessment ${stored.changes.since.assessmentId}`]
          : stored.changes.summary;
    const repeats = stored.schedule.items.filter((i) => i.kind === 'repeat');
    const next = repeats[0];
    io.stdout(
      `${renderText(assessment)}\nStored as assessment ${stored.assessmentId} of ${patientId}.\n` +
        `Since the last assessment:\n${changes.map((c) => `  - ${c}`).join('\n')}\n` +
        (stored.schedule.endedReason !== null
          ? `Follow-up ended: ${stored.schedule.endedReason}\n`
          : next === undefined
            ? 'No re-screen scheduled.\n'
            : `Next re-screen: ${next.due}${next.dueBy === null ? '' : `–${next.dueBy}`} (${repeats.length} dates scheduled)\n`),
    );
    return EXIT.ok;
  });
}

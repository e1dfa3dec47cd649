// Child process of `npm run bench:screen`: one measured run, then its own peak RSS (threads included) on stderr.
// argv: baseline <files…>   |   screen <workers> <out> <asOf> <files…>
import { createReadStream, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { runScreenCommand } from '../src/cli/screen.js';

const [mode, ...rest] = process.argv.slice(2);
const started = performance.now();
let lines = 0;
let patients = 0;
if (mode === 'baseline') {
  let sink = 0;
  for (const file of rest)
    for await (const line of createInterface({
      input: createReadStream(file),
      crlfDelay: Number.POSITIVE_INFINITY,
    })) {
      if (line === '') continue;
      const r = JSON.parse(line) as { resourceType?: string };
      lines += 1;
      if (r.resourceType === 'Patient') sink += 1;
    }
  patients = sink;
} else {
  const [workers, out, asOf, ...files] = rest as [string, string, string, ...string[]];
  rmSync(out, { recursive: true, force: true });
  let summary = '';
  const code = await runScreenCommand(
    [...files, '--workers', workers, '--out', out, '--as-of', asOf],
    {
      stdout: (t) => {
        summary += t;
      },
      stderr: (t) => process.stderr.write(t),
      readFile: () => '',
      readStdin: () => '',
    },
    {
      openStorage: () => Promise.reject(new Error('no storage in the bench')),
      stderr: process.stderr,
      env: {},
    },
  );
  if (code !== 0) throw new Error(`screen exited ${code}: ${summary}`);
  const { readFileSync } = await import('node:fs');
  const s = JSON.parse(readFileSync(`${out}/summary.json`, 'utf8')) as { lines: number; patients: number };
  lines = s.lines;
  patients = s.patients;
}
const seconds = (performance.now() - started) / 1000;
process.stdout.write(
  `${JSON.stringify({ mode, lines, patients, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`,
);

#!/usr/bin/env node
// Entry point of the `paraneo` command; the program is compiled to dist/ by `npm ci` (prepare) or `npm run build`.
import { readFileSync } from 'node:fs';
import { main } from '../dist/src/cli/main.js';
import { runServe, SERVE_HELP } from '../dist/src/cli/serve.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFileSync(path, 'utf8'),
  readStdin: () => readFileSync(0, 'utf8'),
};
try {
  const [command, ...rest] = process.argv.slice(2);
  if (command === 'serve' && (rest.includes('--help') || rest.includes('-h')))
    process.stdout.write(SERVE_HELP);
  else if (command === 'serve') process.exitCode = await runServe(rest, io, pkg.version);
  else if (command === 'screen') {
    const screen = await import('../dist/src/cli/screen.js');
    if (rest.includes('--help') || rest.includes('-h')) process.stdout.write(screen.SCREEN_HELP);
    else {
      process.exitCode = await screen.runScreenCommand(rest, io, {
        // Loaded only with --store, so a plain screen never loads the database drivers.
        openStorage: async () => (await import('../dist/src/storage/open.js')).openStorage(),
        stderr: process.stderr,
        env: process.env,
      });
    }
  } else if (command === 'screen-worker' || command === 'screen-queue') {
    // Loaded only here, so other commands never load the Redis client.
    const face =
      command === 'screen-worker'
        ? await import('../dist/src/cli/screen-worker.js')
        : await import('../dist/src/cli/screen-queue.js');
    const help = command === 'screen-worker' ? face.SCREEN_WORKER_HELP : face.SCREEN_QUEUE_HELP;
    if (rest.includes('--help') || rest.includes('-h')) process.stdout.write(help);
    else
      process.exitCode = await (command === 'screen-worker'
        ? face.runScreenWorker(rest, io)
        : face.runScreenQueue(rest, io));
  } else if (command === 'due' || (command === 'assess' && rest.includes('--store'))) {
    // Loaded only here, so plain assessments never load the database drivers.
    const storage = await import('../dist/src/cli/storage-commands.js');
    if (command === 'due' && (rest.includes('--help') || rest.includes('-h')))
      process.stdout.write(storage.DUE_HELP);
    else if (command === 'due') process.exitCode = await storage.runDue(rest, io);
    else process.exitCode = await storage.runAssessStore(rest, io);
  } else process.exitCode = main(process.argv.slice(2), io, pkg.version);
} catch (error) {
  process.stderr.write(`paraneo: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
}

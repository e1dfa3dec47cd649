// Assessments in worker threads (piscina), so the server's thread only parses HTTP, checks tokens and keeps state (the
// CDS Hooks token-replay cache, feedback): with cores to spare, the assessing routes no longer queue behind one thread.
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { Compute } from './compute.js';

export interface ComputePool {
  readonly compute: Compute;
  readonly threads: number;
  close(): Promise<void>;
}

/**
 * One thread fewer than the cores, leaving one for the server's own thread; none below 4 cores, where the worker's own
 * isolate, garbage collector and message passing cost more than it gives (on 2 cores, bench:http measured p99 at
 * 500 requests/s several times worse with one worker than on the server thread).
 */
export const defaultThreads = (cores = availableParallelism()): number => (cores < 4 ? 0 : cores - 1);

/**
 * Start `threads` workers, each with the bundled knowledge, and wait until one answers (a knowledge problem fails here,
 * at start-up, not on the first request).
 *
 * @param expectedVersion - the server's knowledge version; the workers must assess with the same one
 */
export async function startComputePool(threads: number, expectedVersion: string): Promise<ComputePool> {
  // From the TypeScript sources (tests, tsx) the worker registers tsx first; the built package runs the .js file.
  const fromSource = import.meta.url.endsWith('.ts');
  const pool = new Piscina({
    filename: new URL(fromSource ? './compute-worker-tsx.mjs' : './compute-worker.js', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: Number.POSITIVE_INFINITY,
  });
  const version = (await pool.run({ kind: 'ping' })) as string;
  if (version !== expectedVersion) {
    await pool.destroy();
    throw new Error(`worker knowledge ${version} differs from the server's ${expectedVersion}`);
  }
  return {
    compute: (task) => pool.run(task),
    threads,
    close: () => pool.destroy(),
  };
}

// Progress of `paraneo screen`: a cli-progress bar on a terminal, plain lines every few seconds otherwise.
import cliProgress from 'cli-progress';
import type { ScreenProgress } from '../bulk/run-screen.js';

export interface ProgressSink {
  update(p: ScreenProgress): void;
  stop(): void;
}

const rate = (n: number, ms: number) => Math.round(n / Math.max(ms / 1000, 1e-3));

/** Fraction done: pass 1 by bytes read (half the work), pass 2 by partitions. */
const fraction = (p: ScreenProgress) =>
  p.phase === 'partition'
    ? (p.bytes / Math.max(p.totalBytes, 1)) * 0.5
    : 0.5 + (p.partitionsDone / Math.max(p.partitions, 1)) * 0.5;

function eta(p: ScreenProgress): string {
  const f = fraction(p);
  if (f <= 0) return '?';
  return `${Math.round((p.elapsedMs / f - p.elapsedMs) / 1000)}s`;
}

export function progressSink(stream: NodeJS.WriteStream, everyMs = 5000): ProgressSink {
  if (stream.isTTY === true) {
    const bar = new cliProgress.SingleBar(
      {
        stream,
        format: '{phase} |{bar}| {percentage}% | {rps} resources/s | {pps} patients/s | ETA {etaText}',
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(1000, 0, { phase: 'partition', rps: 0, pps: 0, etaText: '?' });
    return {
      update: (p) =>
        bar.update(Math.round(fraction(p) * 1000), {
          phase: p.phase === 'partition' ? 'pass 1 partition' : 'pass 2 assess',
          rps: rate(p.resources, p.elapsedMs),
          pps: rate(p.patients, p.elapsedMs),
          etaText: eta(p),
        }),
      stop: () => bar.stop(),
    };
  }
  let last = 0;
  return {
    update: (p) => {
      const now = Date.now();
      if (now - last < everyMs) return;
      last = now;
      stream.write(
        `paraneo screen: ${p.phase === 'partition' ? `pass 1: ${(p.bytes / 1e6).toFixed(0)}/${(p.totalBytes / 1e6).toFixed(0)} MB` : `pass 2: ${p.partitionsDone}/${p.partitions} partitions`}, ${p.resources} resources (${rate(p.resources, p.elapsedMs)}/s), ${p.patients} patients (${rate(p.patients, p.elapsedMs)}/s), ETA ${eta(p)}\n`,
      );
    },
    stop: () => undefined,
  };
}

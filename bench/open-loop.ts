// A fixed-rate load generator for `npm run bench:http`. Requests leave on a schedule (one every 1000/rate ms, whatever
// the server is doing) and each latency runs from its scheduled time, so a slow server cannot slow the load down and hide
// its own queue. autocannon's rate mode cannot measure this: each connection sends its share of the second back to back
// and then waits for the next second, so the server sees bursts at full concurrency, and its latency correction assumes
// one request per millisecond per connection.
import http from 'node:http';

export interface OpenLoopRequest {
  readonly path: string;
  readonly body: string;
}

export interface OpenLoopResult {
  readonly sent: number;
  readonly ok: number;
  readonly errors: number;
  /** Requests completed per second over the run. */
  readonly achieved: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
}

const quantile = (sorted: readonly number[], q: number): number =>
  sorted.length === 0
    ? Number.NaN
    : (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);

/** POST the requests in turn at `rate` per second for `seconds` to the server at `base` (http://host:port). */
export async function openLoop(
  base: string,
  requests: readonly OpenLoopRequest[],
  rate: number,
  seconds: number,
): Promise<OpenLoopResult> {
  const url = new URL(base);
  // Enough sockets that a queue on the server never holds a request back on the client.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
  const post = (r: OpenLoopRequest) =>
    new Promise<number>((resolve) => {
      const req = http.request(
        {
          host: url.hostname,
          port: url.port,
          path: r.path,
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(r.body) },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
          res.on('error', () => resolve(0));
        },
      );
      req.on('error', () => resolve(0));
      req.end(r.body);
    });

  const total = Math.round(rate * seconds);
  const interval = 1000 / rate;
  const latencies: number[] = [];
  let errors = 0;
  const pending: Promise<void>[] = [];
  const start = performance.now() + 10;
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const r = requests[i % requests.length] as OpenLoopRequest;
    pending.push(
      post(r).then((status) => {
        if (status >= 200 && status < 300) latencies.push(performance.now() - due);
        else errors++;
      }),
    );
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    sent: total,
    ok: latencies.length,
    errors,
    achieved: latencies.length / elapsed,
    p50: quantile(latencies, 0.5),
    p90: quantile(latencies, 0.9),
    p99: quantile(latencies, 0.99),
    max: latencies.at(-1) ?? Number.NaN,
  };
}

// The server under test for `npm run bench:http`, in its own process so the load generator does not share its core.
import { parseCase } from '../src/case/parse.js';
import { assess } from '../src/engine/assess.js';
import { startComputePool } from '../src/http/compute-pool.js';
import { buildServer } from '../src/http/server.js';
import { warmUp } from '../src/http/warm-up.js';
import { bundledIndexOrThrow } from '../src/knowledge/bundled.js';
import { exampleTexts } from './examples.js';

const index = bundledIndexOrThrow();

/** The mean size of /assess's answer over the bundled examples. */
function meanAnswerBytes(): number {
  const sizes = exampleTexts()
    .map((text) => parseCase(JSON.parse(text), index))
    .flatMap((p) => (p.success ? [Buffer.byteLength(JSON.stringify(assess(p.data, index)))] : []));
  return Math.round(sizes.reduce((a, b) => a + b, 0) / sizes.length);
}
warmUp(index); // as `paraneo serve` does
// Worker threads that assess, as `paraneo serve --threads N` (0: on the server's thread).
const threads = Number(process.argv[2] ?? 0);
const pool = threads > 0 ? await startComputePool(threads, index.kb.version.knowledgeVersion) : undefined;
const app = await buildServer({
  index,
  version: 'bench',
  publicBaseUrl: 'http://127.0.0.1:0',
  cdsAuth: { disabled: true },
  logger: false,
  ...(pool ? { compute: pool.compute } : {}),
});
if (pool) app.addHook('onClose', () => pool.close());
// The floor: the same server answering a POST with a ready answer of /assess's mean size, so the bench can tell the HTTP
// exchange's own cost from the work of assessing.
const fixed = Buffer.from(JSON.stringify({ answer: 'x'.repeat(meanAnswerBytes()) }));
app.post('/bench/fixed', (_request, reply) => reply.type('application/json; charset=utf-8').send(fixed));
const url = await app.listen({ port: 0, host: '127.0.0.1' });
process.send?.({ url });
process.on('message', (m) => {
  if (m !== 'cpu') return;
  const { user, system } = process.cpuUsage();
  process.send?.({ cpu: user + system });
});
process.on('disconnect', () => void app.close().then(() => process.exit(0)));

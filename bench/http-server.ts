// The server under test for `npm run bench:http`, in its own process so the load generator does not share its core.
import { startComputePool } from '../src/http/compute-pool.js';
import { buildServer } from '../src/http/server.js';
import { warmUp } from '../src/http/warm-up.js';
import { bundledIndexOrThrow } from '../src/knowledge/bundled.js';

const index = bundledIndexOrThrow();
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
const url = await app.listen({ port: 0, host: '127.0.0.1' });
process.send?.({ url });
process.on('message', (m) => {
  if (m !== 'cpu') return;
  const { user, system } = process.cpuUsage();
  process.send?.({ cpu: user + system });
});
process.on('disconnect', () => void app.close().then(() => process.exit(0)));

// A throwaway PostgreSQL server for tests: Debian's binaries, initdb in a temporary folder, a free loopback port.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.js';

export interface TestPostgres {
  readonly url: string;
  stop(): Promise<void>;
}

const INSTALL =
  'PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin (or $PG_BIN). Install them with: apt-get install -y postgresql';

function binDir(): string {
  const own = process.env.PG_BIN;
  if (own !== undefined && existsSync(join(own, 'initdb'))) return own;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions[0] === undefined) throw new Error(INSTALL);
  return join(root, versions[0], 'bin');
}

/** Start a server; PostgreSQL refuses to run as root, so under root it runs as the Debian package's postgres user. */
export async function startTestPostgres(): Promise<TestPostgres> {
  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), 'paraneo-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const run = (tool: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args], {
          stdio: 'pipe',
          cwd: dir,
        })
      : execFileSync(join(bin, tool), args, { stdio: 'pipe', cwd: dir });
  const data = join(dir, 'data');
  try {
    run('initdb', ['-D', data, '-U', 'paraneo', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    const port = await freePort();
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    run('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', options, '-w', '-t', '60', 'start']);
    return {
      url: `postgres://paraneo@127.0.0.1:${port}/postgres`,
      stop: async () => {
        try {
          run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`could not start the test PostgreSQL server: ${(error as Error).message}\n${stderr}`);
  }
}

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Io } from './main.js';
import { startServe } from './serve.js';

function memoryIo(files: Record<string, string> = {}): Io & { err: string[] } {
  const err: string[] = [];
  return {
    err,
    stdout: () => {},
    stderr: (t) => err.push(t),
    readFile: (p) => {
      const text = files[p];
      if (text === undefined) throw new Error(`ENOENT: ${p}`);
      return text;
    },
    readStdin: () => '',
  };
}

describe('paraneo serve', () => {
  it('refuses a bad port and a bad issuers file, naming the option', async () => {
    const io = memoryIo({ 'issuers.json': '[{"jwksUrl":"not a url"}]' });
    expect(await startServe(['--port', 'eighty'], io, '0')).toBe(2);
    expect(await startServe(['--threads', 'many'], io, '0')).toBe(2);
    expect(io.err.join('')).toMatch(/--threads must be an integer from 0 to 64, not "many"/);
    expect(await startServe(['--cds-issuers', 'issuers.json'], io, '0')).toBe(2);
    expect(io.err.join('')).toMatch(/--port must be an integer/);
    expect(io.err.join('')).toMatch(/--cds-issuers: 0\.iss/);
    expect(await startServe(['--no-auth', '--cds-fhir-servers', 'https://ehr.test/fhir,fhir'], io, '0')).toBe(
      2,
    );
    expect(io.err.join('')).toMatch(/--cds-fhir-servers: "fhir" is not an absolute URL/);
  });

  it('listens on loopback, answers, warns loudly without auth, and closes', async () => {
    const io = memoryIo();
    const started = await startServe(['--port', '0', '--no-auth', '--threads', '1'], io, '0');
    if (typeof started === 'number') throw new Error(io.err.join(''));
    try {
      const res = await fetch(`${started.url}/health`);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { status: string }).status).toBe('ok');
      expect(io.err.join('')).toMatch(/WARNING: --no-auth/);
      expect(io.err.join('')).toMatch(/assessing on 1 worker thread/);
      // The assessing routes answer through the worker threads.
      const sample = await fetch(`${started.url}/assess`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          asOf: '2026-01-15',
          patient: { age: 60, sex: 'male' },
          findings: [{ hpo: 'HP:0001251' }],
        }),
      });
      expect(sample.status).toBe(200);
      expect(((await sample.json()) as { pnsVerdict: string }).pnsVerdict).toMatch(
        /likely|possible|unlikely/,
      );
    } finally {
      await started.app.close();
    }
  }, 180_000); // the worker thread loads the knowledge itself

  it('the installed command stops cleanly on SIGTERM', async () => {
    const bin = fileURLToPath(new URL('../../bin/paraneo.js', import.meta.url));
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--no-auth'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (chunk) => {
        stderr += String(chunk);
        const found = /listening on (http:\/\/\S+)/.exec(stderr);
        if (found?.[1] !== undefined) resolve(found[1]);
      });
      child.once('exit', () => reject(new Error(`exited early: ${stderr}`)));
    });
    expect((await fetch(`${url}/health`)).status).toBe(200);
    const code = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await code).toBe(0);
    expect(stderr).toContain('closing');
  }, 180_000); // the spawned server and its worker thread load the knowledge: about 10 s quiet, over 40 s loaded
});

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXIT, type Io, main } from './main.js';

const example = fileURLToPath(new URL('../../examples/00-issue-sample.json', import.meta.url));

function run(argv: string[], files: Record<string, string> = {}, stdin = '') {
  let out = '';
  let err = '';
  const io: Io = {
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
    readFile: (p) => {
      const text = files[p];
      if (text !== undefined) return text;
      return readFileSync(p, 'utf8');
    },
    readStdin: () => stdin,
  };
  const code = main(argv, io, '9.9.9');
  return { code, out, err };
}

describe('paraneo CLI', () => {
  it('assesses a case file as a text report that carries the disclaimer', () => {
    const r = run(['assess', example]);
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toMatch(/DECISION SUPPORT, NOT A DIAGNOSIS/);
    expect(r.out).toMatch(/1\. Paraneoplastic limbic encephalitis/);
    expect(r.out).toMatch(/Tumours to look for/);
  });

  it('prints the JSON contract with --format json', () => {
    const r = run(['assess', '--format', 'json', example]);
    expect(r.code).toBe(EXIT.ok);
    const a = JSON.parse(r.out);
    for (const key of [
      'asOf',
      'knowledgeVersion',
      'disclaimer',
      'pnsProbability',
      'pnsVerdict',
      'syndromes',
      'tumours',
      'pnsCare',
      'unrecognised',
      'warnings',
    ])
      expect(a, key).toHaveProperty(key);
    expect(a.syndromes[0]).toEqual(
      expect.objectContaining({
        id: expect.any(String),
        name: expect.any(String),
        category: expect.any(String),
        score: expect.any(Number),
        for: expect.any(Array),
        against: expect.any(Array),
        citations: expect.any(Array),
      }),
    );
  });

  it('reads standard input with "-"', () => {
    const r = run(['assess', '-', '-f', 'json'], {}, JSON.stringify({ patient: { age: 40, sex: 'male' } }));
    expect(r.code).toBe(EXIT.ok);
    expect(JSON.parse(r.out).pnsVerdict).toBe('unlikely');
  });

  it('exits 2 on invalid input and names the file and the field', () => {
    const r = run(['assess', 'bad.json'], {
      'bad.json': JSON.stringify({ patient: { age: -1, sex: 'woman' } }),
    });
    expect(r.code).toBe(EXIT.invalidInput);
    expect(r.err).toMatch(/^bad\.json: patient\.age: age cannot be negative$/m);
    expect(r.err).toMatch(/^bad\.json: patient\.sex: /m);
    expect(r.out).toBe('');
  });

  it('exits 2 on a file that is not JSON, or missing, or on a bad option', () => {
    expect(run(['assess', 'x.json'], { 'x.json': '{nope' }).code).toBe(EXIT.invalidInput);
    expect(run(['assess', '/no/such/file.json']).err).toMatch(/cannot read/);
    expect(run(['assess', example, '--format', 'xml']).code).toBe(EXIT.invalidInput);
    expect(run(['assess']).code).toBe(EXIT.invalidInput);
    expect(run(['frobnicate']).code).toBe(EXIT.invalidInput);
  });

  it('checks the knowledge base and prints versions and help', () => {
    expect(run(['kb', 'check']).out).toMatch(/ok/);
    expect(run(['--version']).out).toMatch(/^paraneo 9\.9\.9 \(knowledge /);
    expect(run(['--help']).out).toMatch(/paraneo assess/);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

const importsOf = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1] ?? '');
// Runtime imports only: `import type` is erased by the compiler, so a type-only cycle cannot bite at load time.
const runtimeImportsOf = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/^import (?!type )[^;]*?from '([^']+)'/gms)].map((m) => m[1] ?? '');

describe('architecture', () => {
  // The engine is pure: no I/O, no clock, no randomness, and nothing from adapters, the CLI or servers.
  const engineFiles = [
    ...sources(join(root, 'engine')),
    ...sources(join(root, 'case')).filter((f) => f.endsWith('schema.ts')),
  ];

  it('keeps node:*, the CLI, adapters and server packages out of the engine', () => {
    for (const file of engineFiles)
      for (const spec of importsOf(file))
        expect(spec, `${file} imports ${spec}`).not.toMatch(
          /^node:|\/cli\/|\/adapters\/|^fastify|^pg$|\/load\.js$|\/paths\.js$/,
        );
  });

  it('uses no clock and no randomness in the engine', () => {
    for (const file of engineFiles) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/Date\.now|new Date\(|Math\.random|performance\.now|process\./);
    }
  });

  it('has no runtime import cycle under src/', () => {
    const all = sources(root);
    const graph = new Map(
      all.map((f) => [
        f,
        runtimeImportsOf(f)
          .filter((s) => s.startsWith('.'))
          .map((s) => join(f, '..', s.replace(/\.js$/, '.ts'))),
      ]),
    );
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (f: string, path: string[]): void => {
      if (state.get(f) === 'done') return;
      expect(state.get(f), `cycle: ${[...path, f].join(' → ')}`).not.toBe('visiting');
      state.set(f, 'visiting');
      for (const next of graph.get(f) ?? []) visit(next, [...path, f]);
      state.set(f, 'done');
    };
    for (const f of all) visit(f, []);
  });
});

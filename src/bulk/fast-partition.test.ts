// Pass 1 with small write buffers (every flush path, a line longer than a buffer, multi-byte text) writes exactly the
// partitions of the line-by-line reference.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { partitionBufferBytes, partitionFast } from './fast-partition.js';
import { partitionFile, partitionNdjson } from './partition.js';

const dir = mkdtempSync(join(tmpdir(), 'paraneo-fast-partition-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const observation = (patient: number, i: number, note = '') =>
  JSON.stringify({
    resourceType: 'Observation',
    id: `o${patient}-${i}`,
    subject: { reference: `Patient/p${patient}` },
    valueQuantity: { value: i, unit: 'mmol/L' },
    ...(note === '' ? {} : { note: [{ text: note }] }),
  });

describe('partitionFast', () => {
  const patients = Array.from({ length: 40 }, (_, p) =>
    JSON.stringify({ resourceType: 'Patient', id: `p${p}`, gender: p % 2 ? 'female' : 'male' }),
  );
  const observations = Array.from({ length: 40 }, (_, p) =>
    Array.from({ length: 6 }, (_, i) =>
      observation(p, i, i === 3 ? `Hyponatrémie sévère, œdème ${'x'.repeat(p)}` : ''),
    ),
  ).flat();
  observations.push(observation(7, 99, 'a long note '.repeat(500)));
  const files = [
    ['Patient.ndjson', patients],
    ['Observation.ndjson', observations],
  ].map(([name, lines]) => {
    const file = join(dir, name as string);
    writeFileSync(file, `${(lines as string[]).join('\n')}\n`);
    return file;
  });

  it('writes byte for byte the partitions of the line-by-line reference, whatever the buffer size', async () => {
    const reference = join(dir, 'reference');
    mkdirSync(reference);
    await partitionNdjson(files, reference, 5);
    for (const bufferBytes of [64, 1000, partitionBufferBytes(5)]) {
      const out = join(dir, `fast-${bufferBytes}`);
      mkdirSync(out);
      const stats = await partitionFast(files, out, 5, { onUnrecognised: () => undefined, bufferBytes });
      expect(stats.kept).toBe(patients.length + observations.length);
      for (let k = 0; k < 5; k++)
        expect(
          readFileSync(partitionFile(out, k)).equals(readFileSync(partitionFile(reference, k))),
          `${k}`,
        ).toBe(true);
    }
  });

  it('shares 8 MB of write buffers out between the partitions, within 16 KB and 256 KB each', () => {
    expect(partitionBufferBytes(4)).toBe(256 << 10);
    expect(partitionBufferBytes(128)).toBe(64 << 10);
    expect(partitionBufferBytes(10_000)).toBe(16 << 10);
  });
});

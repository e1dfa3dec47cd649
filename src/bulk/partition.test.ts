// Resources of one patient spread over several NDJSON files meet in one partition and assess like the case they came from.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { realIndex } from '../../test/knowledge.js';
import { exampleInput } from '../../test/support/assess-example.js';
import { parseCase } from '../case/parse.js';
import { assess } from '../engine/assess.js';
import { caseInputToFhirBundle } from '../fhir/from-case.js';
import { fhirToCaseInput } from '../fhir/index.js';
import { groupPartition, partitionFile, partitionNdjson, partitionOf } from './partition.js';

const dir = mkdtempSync(join(tmpdir(), 'paraneo-bulk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('partitionNdjson', () => {
  const cases = ['21-siadh-sclc-severe-hyponatraemia.json', '20-hhm-pthrp-squamous-lung.json'].map(
    exampleInput,
  );
  const resources = cases.flatMap(
    (c) => caseInputToFhirBundle(c, c.asOf ?? '').bundle.entry?.map((e) => e.resource) ?? [],
  );
  // Bulk Data writes one file per type; the lines of each patient are spread across them.
  const byType = new Map<string, string[]>();
  for (const r of resources)
    byType.set(r?.resourceType ?? '', [...(byType.get(r?.resourceType ?? '') ?? []), JSON.stringify(r)]);
  const files = [...byType].map(([type, lines]) => {
    const file = join(dir, `${type}.ndjson`);
    writeFileSync(file, `${lines.join('\n')}\n`);
    return file;
  });
  const extra = join(dir, 'Other.ndjson');
  writeFileSync(
    extra,
    `${JSON.stringify({ resourceType: 'Practitioner', id: 'dr' })}\n{not json\n${JSON.stringify({ resourceType: 'Observation', id: 'o' })}\n`,
  );

  it('groups each patient whole, skips unread types and lists what it could not place', async () => {
    const out = join(dir, 'parts');
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out);
    const stats = await partitionNdjson([...files, extra], out, 3);
    expect(stats.skippedType).toBe(1);
    expect(stats.unrecognised.map((u) => [u.line, u.reason.split(':')[0]])).toEqual([
      [2, 'not JSON'],
      [3, 'Observation names no Patient'],
    ]);
    const index = realIndex();
    for (const c of cases) {
      const id = c.id as string;
      const groups = await groupPartition(partitionFile(out, partitionOf(id, 3)));
      const mine = groups.get(id) ?? [];
      expect(mine.length).toBe(caseInputToFhirBundle(c, c.asOf ?? '').bundle.entry?.length);
      const read = fhirToCaseInput(mine, { asOf: c.asOf ?? '', index });
      const parsed = parseCase(read.input, index);
      const direct = parseCase(c, index);
      if (!parsed.success || !direct.success) throw new Error('example does not parse');
      expect(assess(parsed.data, index).syndromes[0]?.id).toBe(assess(direct.data, index).syndromes[0]?.id);
    }
    expect(
      readFileSync(partitionFile(out, 0), 'utf8').split('\n').filter(Boolean).length +
        readFileSync(partitionFile(out, 1), 'utf8').split('\n').filter(Boolean).length +
        readFileSync(partitionFile(out, 2), 'utf8').split('\n').filter(Boolean).length,
    ).toBe(stats.kept);
  });
});

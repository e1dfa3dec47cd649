// `npm run gen:population -- --patients N --out DIR [--seed S] [--as-of DATE] [--planted K] [--controls K]`.
import { parseArgs } from 'node:util';
import { buildKnowledgeIndex } from '../src/knowledge/index.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { knowledgePaths } from '../src/knowledge/paths.js';
import { writePopulation } from './gen-population-lib.js';

const USAGE =
  'usage: npm run gen:population -- --patients N --out DIR [--seed S] [--as-of YYYY-MM-DD] [--planted K] [--controls K]\n';

function integer(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) {
    process.stderr.write(`--${name}: must be a whole number, not "${text}"\n${USAGE}`);
    process.exit(2);
  }
  return n;
}

let values: Record<string, string | undefined>;
try {
  values = parseArgs({
    options: {
      patients: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string' },
      'as-of': { type: 'string' },
      planted: { type: 'string' },
      controls: { type: 'string' },
    },
  }).values as Record<string, string | undefined>;
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
const patients = integer('patients', values.patients);
if (patients === undefined || values.out === undefined) {
  process.stderr.write(`${patients === undefined ? '--patients' : '--out'}: required\n${USAGE}`);
  process.exit(2);
}
const asOf = values['as-of'];
if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
  process.stderr.write(`--as-of: must be YYYY-MM-DD, not "${asOf}"\n`);
  process.exit(2);
}
const { knowledgeDir, vocabDir } = knowledgePaths();
const { kb, issues } = loadKnowledge(knowledgeDir, vocabDir);
if (kb === undefined) throw new Error(`knowledge base has ${issues.length} problem(s); run npm run kb:check`);
const seed = integer('seed', values.seed);
const planted = integer('planted', values.planted);
const controls = integer('controls', values.controls);
const started = Date.now();
const result = await writePopulation({
  patients,
  out: values.out,
  index: buildKnowledgeIndex(kb),
  ...(seed === undefined ? {} : { seed }),
  ...(asOf === undefined ? {} : { asOf }),
  ...(planted === undefined ? {} : { planted }),
  ...(controls === undefined ? {} : { controls }),
});
const kinds = Object.values(result.manifest.entries);
process.stdout.write(
  `${patients} patients (${kinds.filter((e) => e.kind === 'planted').length} planted, ${kinds.filter((e) => e.kind === 'control').length} controls), ${result.resources} resources, ${(result.bytes / 1e6).toFixed(1)} MB in ${values.out} (${((Date.now() - started) / 1000).toFixed(1)} s); manifest ${result.manifestFile}\n`,
);

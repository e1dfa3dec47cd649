import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { realIndex } from '../../test/knowledge.js';
import { loadKnowledge } from './load.js';
import { knowledgePaths } from './paths.js';

const fixture = fileURLToPath(new URL('./__fixtures__/broken', import.meta.url));
const { knowledgeDir, vocabDir } = knowledgePaths();

describe('loadKnowledge', () => {
  it('loads the bundled knowledge base without a single issue', () => {
    const { kb, issues } = loadKnowledge(knowledgeDir, vocabDir);
    expect(issues).toEqual([]);
    expect(kb?.syndromes.length).toBeGreaterThan(0);
  });

  it('reports every problem of a broken knowledge base at once, each with file, path and code', () => {
    const { kb, issues } = loadKnowledge(fixture, vocabDir);
    expect(kb).toBeUndefined();
    const seen = issues.map((i) => `${i.code} ${i.file} ${i.path}`);
    expect(seen).toEqual(
      expect.arrayContaining([
        'yaml-syntax antibodies/broken.yaml ',
        'schema syndromes/wrong-name.yaml category',
        'schema syndromes/wrong-name.yaml paraneoplasticShare.value',
        'schema syndromes/wrong-name.yaml paraneoplasticShare.evidence',
        'schema references/no-identifier.yaml ',
        'unknown-ref syndromes/bad-syndrome.yaml paraneoplasticShare.evidence.0.ref',
        'unknown-finding syndromes/bad-syndrome.yaml findings.0.finding',
        'unknown-antibody syndromes/bad-syndrome.yaml antibodies.0.antibody',
        'unknown-tumour syndromes/bad-syndrome.yaml tumours.0.tumour',
        'label-mismatch findings/seizures.yaml code.label',
        'unknown-hpo-id findings/made-up.yaml code.code',
        'obsolete-hpo-id findings/obsolete-calcitriol.yaml code.code',
        'placeholder-label references/placeholder-author.yaml authors',
        'placeholder-label references/placeholder-label.yaml label',
        'risk-group-mismatch antibodies/high-risk-low-share.yaml cancerShare.value',
        'unidentified-source syndromes/bad-syndrome.yaml tumours.1.frequencyNote',
      ]),
    );
    expect(issues.every((i) => i.message.length > 0)).toBe(true);
    expect(issues.find((i) => i.code === 'obsolete-hpo-id')?.message).toBe(
      'HP:0003152 is obsolete in the bundled HPO release: use its replacement HP:0031415 (High serum calcitriol)',
    );
  });

  it('gives every clinical statement of the bundled syndromes a citation that resolves', () => {
    const index = realIndex();
    for (const s of index.kb.syndromes)
      for (const item of [...s.findings, ...s.antibodies, ...s.tumours, s.paraneoplasticShare])
        for (const e of item.evidence)
          expect(index.referenceById.has(e.ref), `${s.id} cites ${e.ref}`).toBe(true);
  });

  it('labels every finding exactly as HPO does', () => {
    const index = realIndex();
    for (const f of index.kb.findings) expect(index.kb.hpo.labels.get(f.code.code)).toBe(f.code.label);
  });
});

// Issue 15 syndromes that share findings with older entries: the distinguishing finding must decide which ranks first.
import { describe, expect, it } from 'vitest';
import { assessRaw } from '../assess-raw.js';
import { realIndex } from '../knowledge.js';

const patient = { age: 50, sex: 'male', smoking: 'unknown' };
const rank = (raw: Record<string, unknown>, id: string) =>
  assessRaw({ patient, ...raw }).syndromes.findIndex((s) => s.id === id);

// HPO ids used below (all in vocab/hpo/labels.tsv).
const NEUROMYOTONIA = 'HP:0034351';
const MYOKYMIA = 'HP:0002411';
const INSOMNIA = 'HP:0100785';
const CONFUSION = 'HP:0001289';
const HALLUCINATIONS = 'HP:0000738';
const GYNECOMASTIA = 'HP:0000771';
const HYPERTHYROIDISM = 'HP:0000836';
const RAISED_HCG = 'HP:6000485';
const NECROTIZING_MYOPATHY = 'HP:0008978';
const PROXIMAL_WEAKNESS = 'HP:0003701';
const HELIOTROPE = 'HP:0040324';
const GOTTRON = 'HP:0025508';

describe('the new syndromes are catalogued with a plan, a prognosis and a cited share', () => {
  const ids = [
    'necrotising-autoimmune-myopathy',
    'pure-red-cell-aplasia',
    'acquired-ichthyosis',
    'paraneoplastic-vasculitis',
    'acquired-von-willebrand-syndrome',
    'hcg-mediated-hyperthyroidism',
    'hcg-related-gynaecomastia',
    'acquired-neuromyotonia',
    'paraneoplastic-pruritus',
  ];
  for (const id of ids)
    it(id, () => {
      const s = realIndex().syndromeById.get(id);
      expect(s, id).toBeDefined();
      expect(s?.treatment?.tumourFirst.evidence.length).toBeGreaterThan(0);
      expect(s?.prognosis.length).toBeGreaterThan(0);
      expect(s?.paraneoplasticShare.evidence.length).toBeGreaterThan(0);
    });
});

describe('Isaacs syndrome against Morvan syndrome (both CASPR2, both neuromyotonia)', () => {
  const ab = [{ name: 'CASPR2', result: 'positive', specimen: 'serum' }];

  it('peripheral hyperexcitability with insomnia and confusion absent ranks Isaacs syndrome above Morvan syndrome', () => {
    const raw = {
      findings: [
        { hpo: NEUROMYOTONIA },
        { hpo: MYOKYMIA },
        { hpo: INSOMNIA, present: false },
        { hpo: CONFUSION, present: false },
      ],
      antibodies: ab,
    };
    expect(rank(raw, 'acquired-neuromyotonia')).toBeLessThan(rank(raw, 'morvan-syndrome'));
  });

  it('adding insomnia, confusion and hallucinations puts Morvan syndrome first', () => {
    const raw = {
      findings: [
        { hpo: NEUROMYOTONIA },
        { hpo: MYOKYMIA },
        { hpo: INSOMNIA },
        { hpo: CONFUSION },
        { hpo: HALLUCINATIONS },
      ],
      antibodies: ab,
    };
    expect(rank(raw, 'morvan-syndrome')).toBeLessThan(rank(raw, 'acquired-neuromyotonia'));
  });
});

describe('the two hCG syndromes follow their target organ', () => {
  it('gynaecomastia with a raised hCG ranks the gynaecomastia syndrome first', () => {
    const raw = {
      findings: [{ hpo: GYNECOMASTIA }, { hpo: RAISED_HCG }, { hpo: HYPERTHYROIDISM, present: false }],
    };
    expect(rank(raw, 'hcg-related-gynaecomastia')).toBe(0);
  });

  it('hyperthyroidism with a raised hCG ranks the hyperthyroidism syndrome first', () => {
    const raw = {
      findings: [{ hpo: HYPERTHYROIDISM }, { hpo: RAISED_HCG }, { hpo: GYNECOMASTIA, present: false }],
    };
    expect(rank(raw, 'hcg-mediated-hyperthyroidism')).toBe(0);
  });
});

describe('necrotising myopathy against dermatomyositis', () => {
  it('a necrotising biopsy without skin signs ranks necrotising myopathy first', () => {
    const raw = {
      findings: [
        { hpo: NECROTIZING_MYOPATHY },
        { hpo: PROXIMAL_WEAKNESS },
        { hpo: HELIOTROPE, present: false },
        { hpo: GOTTRON, present: false },
      ],
    };
    expect(rank(raw, 'necrotising-autoimmune-myopathy')).toBe(0);
  });

  it('heliotrope rash and Gottron papules keep dermatomyositis ahead', () => {
    const raw = { findings: [{ hpo: PROXIMAL_WEAKNESS }, { hpo: HELIOTROPE }, { hpo: GOTTRON }] };
    expect(rank(raw, 'dermatomyositis')).toBeLessThan(rank(raw, 'necrotising-autoimmune-myopathy'));
  });
});

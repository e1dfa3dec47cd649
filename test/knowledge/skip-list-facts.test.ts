// Knowledge facts added to fix published examples on the skip list: each is cited and each changes the assessment.
import { describe, expect, it } from 'vitest';
import { assessRaw } from '../assess-raw.js';
import { realIndex } from '../knowledge.js';

const patient = { age: 60, sex: 'female', smoking: 'unknown' };
const EDEMA_DORSUM_HANDS = 'HP:0007514';
const ARTHRALGIA = 'HP:0002829';
const PEDAL_EDEMA = 'HP:0010741';
const SUPRACLAVICULAR_NODES = 'HP:0034750';
const PROXIMAL_WEAKNESS = 'HP:0003701';
const HYPOREFLEXIA = 'HP:0001265';

describe('RS3PE lists breast cancer', () => {
  it('with the Wisconsin follow-up as its citation', () => {
    const t = realIndex()
      .syndromeById.get('rs3pe')
      ?.tumours.find((x) => x.tumour === 'breast-cancer');
    expect(t?.evidence.map((e) => e.ref)).toContain('rs3pe-2005-followup');
  });

  it('so RS3PE in a woman names breast cancer among its tumours', () => {
    const a = assessRaw({
      patient,
      findings: [{ hpo: EDEMA_DORSUM_HANDS }, { hpo: ARTHRALGIA }, { hpo: PEDAL_EDEMA }],
    });
    expect(a.syndromes[0]?.id).toBe('rs3pe');
    expect(a.tumours.map((t) => t.id)).toContain('breast-cancer');
  });
});

describe('migratory venous thrombosis in free text', () => {
  it('reads as Recurrent thrombophlebitis, not plain thrombophlebitis', () => {
    const a = assessRaw({ patient, notes: ['Work-up prompted by migratory venous thrombosis.'] });
    const present = a.findings.filter((f) => f.present).map((f) => f.hpo);
    expect(present).toContain('HP:0004419');
    expect(a.syndromes[0]?.id).toBe('trousseau-syndrome');
  });
});

describe('a supraclavicular (Virchow) node is a moderate gastric cancer sign', () => {
  it('is cited', () => {
    const sign = realIndex()
      .tumourById.get('gastric-cancer')
      ?.signs.find((s) => s.finding === 'supraclavicular-lymphadenopathy');
    expect(sign?.strength).toBe('moderate');
    expect(sign?.evidence.map((e) => e.ref)).toContain('cervin-1995-virchow-node');
  });

  it('brings gastric cancer into the tumour list with the sign as its reason', () => {
    const a = assessRaw({ patient, findings: [{ hpo: SUPRACLAVICULAR_NODES }] });
    const gastric = a.tumours.find((t) => t.id === 'gastric-cancer');
    expect(gastric?.why.map((w) => w.reason).join(' ')).toMatch(
      /Supraclavicular lymphadenopathy points to this tumour/,
    );
  });
});

describe('LEMS lists the N-type VGCC antibody at 49% (Lennon 1995)', () => {
  const findings = [{ hpo: PROXIMAL_WEAKNESS }, { hpo: HYPOREFLEXIA }];
  const lems = (result: string) =>
    assessRaw({
      patient,
      findings,
      antibodies: [{ name: 'N-type VGCC', result, specimen: 'serum' }],
    }).syndromes.find((s) => s.id === 'lambert-eaton-myasthenic-syndrome')?.score ?? 0;

  it('is cited with the published frequency', () => {
    const link = realIndex()
      .syndromeById.get('lambert-eaton-myasthenic-syndrome')
      ?.antibodies.find((x) => x.antibody === 'vgcc-n');
    expect(link?.frequency).toBe(0.49);
    expect(link?.evidence.map((e) => e.ref)).toContain('lennon-1995-vgcc');
  });

  it('a positive result raises LEMS and a negative one lowers it', () => {
    const untested = assessRaw({ patient, findings }).syndromes.find(
      (s) => s.id === 'lambert-eaton-myasthenic-syndrome',
    )?.score;
    expect(lems('positive')).toBeGreaterThan(untested ?? 1);
    expect(lems('negative')).toBeLessThan(untested ?? 0);
  });
});

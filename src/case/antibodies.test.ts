import { describe, expect, it } from 'vitest';
import { assessRaw } from '../../test/assess-raw.js';
import { realIndex } from '../../test/knowledge.js';
import names from './__fixtures__/issue-11-antibody-names.json' with { type: 'json' };
import { formatTitre, parseTitre, resolveAntibody } from './antibodies.js';
import { parseCase } from './parse.js';

const index = realIndex();
const base = { asOf: '2026-01-15', patient: { age: 59, sex: 'female', smoking: 'current' } };

function ok(antibodies: unknown[]) {
  const r = parseCase({ ...base, antibodies }, index);
  if (!r.success) throw new Error(JSON.stringify(r.issues));
  return r.data;
}

describe('antibody names as laboratories print them (issue 11, labs brief)', () => {
  it.each(names.names)('"%s" resolves to %s', (name, id) => {
    expect(resolveAntibody(name, index)?.id).toBe(id);
  });

  it('an umbrella VGKC-complex result gives way to the specificity named with it', () => {
    expect(resolveAntibody('VGKC-complex antibody (LGI1)', index)?.id).toBe('lgi1');
    expect(resolveAntibody('anti-LGI1 (VGKC complex)', index)?.id).toBe('lgi1');
    expect(resolveAntibody('VGKC-complex / CASPR2', index)?.id).toBe('caspr2');
    expect(resolveAntibody('VGKC-complex antibody', index)?.id).toBe('vgkc-complex');
  });

  it('names outside the catalogue stay unrecognised', () => {
    const c = ok([{ name: 'anti-unobtainium', result: 'positive' }]);
    expect(c.antibodies).toEqual([]);
    expect(c.unrecognised.map((u) => [u.field, u.reason])).toEqual([
      ['antibodies.0.name', 'antibody not in the catalogue'],
    ]);
  });
});

describe('N-type and P/Q-type VGCC are told apart (Mayo panels print both: CCN and CCPQ)', () => {
  it.each([
    'N-Type Calcium Channel Ab',
    'N-Type Calcium Channel Antibody, Serum',
    'N-type calcium channel antibody',
    'N type calcium channel antibody',
    'N-type VGCC',
    'anti-N-type VGCC',
    'VGCC N-type',
    'VGCC antibody (N-type)',
    'Voltage-Gated Calcium Channel-N (VGCC-N)',
    'N-type voltage-gated calcium channel antibody',
    'Voltage-gated calcium channel antibody (N-type)',
    'Calcium channel antibody, N type',
    'N-type calcium channel binding antibody, RIA',
    'CaV2.2 antibody',
    'anti-CACNA1B',
  ])('"%s" is the N-type antibody', (name) => {
    expect(resolveAntibody(name, index)?.id).toBe('vgcc-n');
  });

  it.each([
    'P/Q-Type Calcium Channel Ab',
    'P/Q-Type Calcium Channel Antibody, Serum',
    'P/Q-type VGCC',
    'VGCC P/Q-type',
    'anti-P/Q-type VGCC',
    'P/Q type calcium channel antibody',
    'Calcium channel antibody, P/Q type',
    'CaV2.1 antibody',
  ])('"%s" stays the P/Q-type antibody', (name) => {
    expect(resolveAntibody(name, index)?.id).toBe('vgcc-pq');
  });

  it('a positive N-type result is kept as N-type and scores no PNS-Care laboratory points; P/Q-type scores 2', () => {
    const c = ok([{ name: 'N-Type Calcium Channel Ab', result: 'positive', titre: '0.05 nmol/L' }]);
    expect(c.antibodies.map((a) => a.antibodyId)).toEqual(['vgcc-n']);
    expect(c.unrecognised).toEqual([]);
    const lems = (name: string) =>
      assessRaw({
        patient: { age: 62, sex: 'male', smoking: 'current' },
        findings: [{ hpo: 'HP:0003690' }, { hpo: 'HP:0001284' }],
        antibodies: [{ name, result: 'positive', specimen: 'serum' }],
      }).pnsCare?.items.find((i) => i.itemId === 'laboratory');
    expect(lems('N-Type Calcium Channel Ab')?.points).toBe(0);
    expect(lems('P/Q-Type Calcium Channel Ab')?.points).toBe(2);
  });
});

describe('titres', () => {
  it.each([
    ['1:640', '1:640'],
    ['1/640', '1:640'],
    ['640', '1:640'],
    ['1:1,280', '1:1280'],
    ['>1:7680', '>1:7680'],
    ['>3000 U/mL', '>3000 U/mL'],
    ['0.45 nmol/L', '0.45 nmol/L'],
    ['≥0.02 nmol/L', '>=0.02 nmol/L'],
    ['1.2', '1.2'],
    ['2.5 index', '2.5 index'],
  ])('"%s" is read as %s', (text, shown) => {
    const titre = parseTitre(text);
    expect(titre).toBeDefined();
    if (titre !== undefined) expect(formatTitre(titre)).toBe(shown);
  });

  it('reads the kind and the number', () => {
    expect(parseTitre('1:640')).toEqual({ kind: 'dilution', reciprocal: 640 });
    expect(parseTitre('0.45 nmol/L')).toEqual({ kind: 'value', value: 0.45, unit: 'nmol/L' });
  });

  it.each(['high (value not given in the abstract)', 'strongly positive', '1:', ''])(
    '"%s" is not a titre',
    (text) => {
      expect(parseTitre(text)).toBeUndefined();
    },
  );

  it('keeps the titre as written and as read; one it cannot read goes to unrecognised', () => {
    const c = ok([
      { name: 'ANNA-1', result: 'positive', titre: '1:7680' },
      { name: 'anti-Yo', result: 'positive', titre: 'high' },
    ]);
    expect(c.antibodies[0]).toMatchObject({
      titre: '1:7680',
      titreValue: { kind: 'dilution', reciprocal: 7680 },
    });
    expect(c.antibodies[1]).toMatchObject({ antibodyId: 'yo', titre: 'high' });
    expect(c.antibodies[1]?.titreValue).toBeUndefined();
    expect(c.unrecognised).toEqual([
      {
        field: 'antibodies.1.titre',
        value: 'high',
        reason: 'titre not read as a dilution (1:640) or a value with a unit; kept as written',
      },
    ]);
  });

  it('shows the titre beside the antibody in the PNS-Care laboratory item', () => {
    const a = assessRaw({
      patient: { age: 64, sex: 'male', smoking: 'current' },
      findings: [{ text: 'sensory neuronopathy' }],
      antibodies: [{ name: 'anti-Hu (ANNA-1)', result: 'positive', specimen: 'serum', titre: '1:7680' }],
    });
    const lab = a.pnsCare?.items.find((i) => i.itemId === 'laboratory');
    expect(lab?.valueUsed).toBe('anti-Hu (ANNA-1) positive, titre 1:7680 (antibodies.0); risk group high');
  });
});

describe('VGKC-complex without LGI1/CASPR2 (van Sonderen 2016; Yeo 2018)', () => {
  it('scores nothing in PNS-Care, points to no tumour, and warns with the citation', () => {
    const a = assessRaw({
      patient: { age: 66, sex: 'male', smoking: 'former' },
      findings: [{ text: 'memory loss' }, { text: 'seizures' }],
      antibodies: [
        { name: 'VGKC-complex antibody', result: 'positive', specimen: 'serum', titre: '150 pmol/L' },
      ],
    });
    const lab = a.pnsCare?.items.find((i) => i.itemId === 'laboratory');
    expect(lab?.points).toBe(0);
    expect(
      a.warnings.some((w) => w.code === 'antibody-pitfall' && w.message.includes('van-sonderen-2016-vgkc')),
    ).toBe(true);
    const vgkc = index.antibodyById.get('vgkc-complex');
    expect(vgkc?.tumours).toEqual([]);
    expect(vgkc?.cancerShare.value).toBe(0);
  });

  it('the same result with LGI1 named scores as LGI1', () => {
    const a = assessRaw({
      patient: { age: 66, sex: 'male', smoking: 'former' },
      findings: [{ text: 'memory loss' }, { text: 'seizures' }],
      antibodies: [{ name: 'VGKC-complex antibody (LGI1)', result: 'positive', specimen: 'serum' }],
    });
    expect(a.pnsCare?.items.find((i) => i.itemId === 'laboratory')?.valueUsed).toContain(
      'anti-LGI1 positive',
    );
  });
});

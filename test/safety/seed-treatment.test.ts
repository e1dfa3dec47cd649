// Safety suite: every treatment, vitamin, folk remedy, herb and homeopathic product the source article recommends is fed to
// Paraneo, which must never recommend a toxic remedy, never call a dose above its maximum acceptable, and never hide a
// contraindication or an interaction.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/render/text.js';
import { assessRaw } from '../assess-raw.js';
import { realIndex } from '../knowledge.js';

const index = realIndex();

// The article's remedies, written as the article writes them.
const SEED_REMEDIES = [
  'Vitamin A',
  'B vitamins',
  'Vitamin C',
  'Vitamin D',
  'Vitamin E',
  'propolis',
  'propolis tincture',
  'honey',
  'badger fat',
  'aloe juice',
  'cognac',
  'cherry leaves',
  'sage',
  'yarrow',
  'anise seeds',
  'betony',
  'plantain leaves',
  'calamus',
  'elecampane',
  'licorice',
  'chamomile flowers',
  'hemlock tincture',
  'Aurum muriaticum',
  'Barita carbonica',
  'Hekla lava',
  'Hydrastis',
  'Lachesis',
  'Lilium tigrinum',
];
const patient = { age: 62, sex: 'female', smoking: 'current', weightKg: 60, heightCm: 165 };

describe('the article’s remedies', () => {
  const a = assessRaw({ patient, remedies: SEED_REMEDIES.map((name) => ({ name })) });

  it('recognises every remedy the article names', () => {
    expect(a.unrecognised.filter((u) => u.field.startsWith('remedies'))).toEqual([]);
    expect(a.treatment.remedies).toHaveLength(SEED_REMEDIES.length);
  });

  it('recommends none of them: each is never-take, harmful, not recommended, or only for a proven deficiency', () => {
    for (const r of a.treatment.remedies)
      expect(['never-take', 'harmful', 'not-recommended', 'deficiency-only']).toContain(r.verdict);
  });

  it('calls hemlock, calamus and cherry leaves poisonous, and says so first in the report', () => {
    const byName = new Map(a.treatment.remedies.map((r) => [r.remedy, r]));
    for (const id of ['hemlock', 'calamus', 'cherry-leaves'])
      expect(byName.get(id)?.verdict, id).toBe('never-take');
    const text = renderText(a);
    expect(text.indexOf('DANGERS:')).toBeGreaterThan(-1);
    expect(text).toMatch(/Hemlock[^\n]*POISONOUS - never take/i);
    expect(text.indexOf('DANGERS:')).toBeLessThan(text.indexOf('Remedies (none is recommended'));
  });

  it('labels every "anti-cancer", "prevents metastasis" or "no side effects" claim as not supported', () => {
    const claims = a.treatment.remedies.flatMap((r) => r.claims.map((c) => ({ remedy: r.remedy, ...c })));
    const bold = claims.filter((c) =>
      /cancer|metasta|recurrence|tumou?r|no side effects|prolong/i.test(c.claim),
    );
    expect(bold.length).toBeGreaterThan(5);
    for (const c of bold)
      expect(['unsupported', 'refuted', 'harmful'], `${c.remedy}: ${c.claim}`).toContain(c.verdict);
  });

  it('flags beta-carotene and vitamin A in a current smoker', () => {
    const smoker = assessRaw({ patient, remedies: [{ name: 'beta-carotene' }, { name: 'vitamin A' }] });
    const flags = smoker.treatment.safety.filter((f) => /beta-carotene|vitamin a/i.test(f.between.join()));
    expect(flags.some((f) => /smok/i.test(f.between.join() + f.text))).toBe(true);
  });
});

describe('the article’s drug doses, each checked and its verdict shown', () => {
  const check = (medication: Record<string, unknown>) => {
    const a = assessRaw({ patient, medications: [medication] });
    const d = a.treatment.doseChecks[0];
    if (d === undefined) throw new Error(`no dose check for ${JSON.stringify(medication)}`);
    return d;
  };

  it('methylprednisolone "about 200 mg per day" by mouth is above the oral label maximum (48 mg/day)', () => {
    expect(
      check({ name: 'methylprednisolone', dose: 200, unit: 'mg', frequency: 'once daily', route: 'oral' })
        .verdict,
    ).toBe('above-maximum');
  });

  it('cyclophosphamide "8 to 14 g per course" is far above the labelled 40-50 mg/kg per course', () => {
    const d = check({ name: 'cyclophosphamide', dose: 14, unit: 'g', route: 'iv' });
    expect(d.verdict).toBe('above-maximum');
  });

  it('azathioprine 1.5-2 mg/kg/day in three doses is within range at 60 kg', () => {
    expect(
      check({ name: 'azathioprine', dose: 40, unit: 'mg', frequency: 'three times daily', route: 'oral' })
        .verdict,
    ).toBe('within-range');
  });

  it('pyridostigmine "30-60 mg per day" is below the labelled range (60-1500 mg/day, average 600)', () => {
    expect(
      check({ name: 'pyridostigmine', dose: 15, unit: 'mg', frequency: 'three times daily', route: 'oral' })
        .verdict,
    ).toBe('below-range');
  });

  it('carbamazepine 400 mg twice daily is within range; 800 mg twice daily is above the 1200 mg/day maximum', () => {
    expect(
      check({ name: 'carbamazepine', dose: 400, unit: 'mg', frequency: 'twice daily', route: 'oral' })
        .verdict,
    ).toBe('within-range');
    expect(
      check({ name: 'carbamazepine', dose: 800, unit: 'mg', frequency: 'twice daily', route: 'oral' })
        .verdict,
    ).toBe('above-maximum');
  });

  it('IVIG 2 g/kg over 2 days (1 g/kg a day) is accepted; the same 2 g/kg in one day is flagged', () => {
    const ivig = (dose: number, perDay: number) =>
      check({ name: 'IVIG', dose, unit: 'g/kg', perDay, route: 'iv' });
    const twoDays = ivig(1, 1);
    expect(twoDays.verdict).toBe('within-range');
    expect(twoDays.citations.map((c) => c.ref)).toContain('label-privigen-us-dosing');
    const oneDay = ivig(2, 1);
    expect(oneDay.verdict).toBe('above-maximum');
    expect(oneDay.reasons.join(' ')).toMatch(/2 g\/kg in one day is above the maximum of 1 g\/kg per day/);
    expect(ivig(0.4, 1).verdict).toBe('within-range');
  });

  it('property: any IVIG amount above 1 g/kg in a day is flagged, any from 0.4 to 1 g/kg is accepted', () => {
    fc.assert(
      fc.property(fc.integer({ min: 40, max: 400 }), (centi) => {
        const d = check({ name: 'IVIG', dose: centi / 100, unit: 'g/kg', perDay: 1, route: 'iv' });
        return centi > 100 ? d.verdict === 'above-maximum' : d.verdict === 'within-range';
      }),
      { seed: 5, numRuns: 60 },
    );
  });

  it('never prints a dose above its maximum as acceptable', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1201, max: 5000 }), (daily) => {
        const d = check({
          name: 'carbamazepine',
          dose: daily,
          unit: 'mg',
          frequency: 'once daily',
          route: 'oral',
        });
        return d.verdict === 'above-maximum';
      }),
      { seed: 7, numRuns: 50 },
    );
  });
});

describe('interactions and contraindications are shown, never hidden', () => {
  const alcoholFlags = (remedies: Array<Record<string, unknown>>) =>
    assessRaw({ patient, medications: [{ name: 'carbamazepine' }], remedies }).treatment.safety.filter(
      (f) =>
        f.kind === 'interaction' &&
        /carbamazepine/i.test(f.between.join()) &&
        /alcohol/i.test(f.between.join()),
    );

  it('carbamazepine with propolis tincture (an ethanol extract) is flagged, citing why the tincture is alcohol', () => {
    const [flag, ...rest] = alcoholFlags([{ name: 'propolis tincture' }]);
    expect(rest).toEqual([]);
    expect(flag?.severity).toBe('moderate');
    expect(flag?.between.join(' + ')).toBe('Carbamazepine + alcohol in propolis tincture');
    expect(flag?.citations.map((c) => c.ref)).toEqual([
      'medpill-alcohol-carbamazepine',
      'dostetan-propolis-preparations',
      'stedman-tincture',
    ]);
  });

  it('the same remedy as a powder or a water extract raises no alcohol flag', () => {
    expect(alcoholFlags([{ name: 'propolis', preparation: 'powder' }])).toEqual([]);
    expect(alcoholFlags([{ name: 'aqueous propolis extract' }])).toEqual([]);
  });

  it('propolis with no preparation stated is flagged as possibly alcoholic, so the question is asked', () => {
    const [flag] = alcoholFlags([{ name: 'propolis' }]);
    expect(flag?.between.join(' + ')).toMatch(/propolis if taken as a tincture \(preparation not stated\)/);
  });

  it('hemlock tincture and cognac carry alcohol too', () => {
    expect(alcoholFlags([{ name: 'hemlock tincture' }])).toHaveLength(1);
    expect(alcoholFlags([{ name: 'cognac' }])).toHaveLength(1);
  });

  it('a preparation the catalogue lacks is listed as not understood, not silently taken as alcohol-free', () => {
    const a = assessRaw({
      patient,
      medications: [{ name: 'carbamazepine' }],
      remedies: [{ name: 'propolis', preparation: 'glycerite' }],
    });
    expect(a.unrecognised).toContainEqual(
      expect.objectContaining({ field: 'remedies.0.preparation', value: 'glycerite' }),
    );
  });

  it('azathioprine with allopurinol is a major interaction with its management', () => {
    const a = assessRaw({ patient, medications: [{ name: 'azathioprine' }, { name: 'allopurinol' }] });
    const f = a.treatment.safety.find(
      (x) => /azathioprine/i.test(x.between.join()) && /allopurinol/i.test(x.between.join()),
    );
    expect(f?.severity).toBe('major');
    expect(f?.management).toBeTruthy();
  });

  it('liquorice with a corticosteroid is flagged', () => {
    const a = assessRaw({
      patient,
      medications: [{ name: 'prednisolone' }],
      remedies: [{ name: 'licorice' }],
    });
    expect(a.treatment.safety.some((f) => /licorice|liquorice/i.test(f.between.join()))).toBe(true);
  });

  it('property: adding an interacting remedy never removes a warning', () => {
    const remedies = index.kb.remedies.map((r) => r.name);
    const drugs = index.kb.drugs.map((d) => d.name);
    fc.assert(
      fc.property(
        fc.subarray(drugs, { maxLength: 4 }),
        fc.subarray(remedies, { maxLength: 3 }),
        fc.constantFrom(...remedies),
        (ds, rs, extra) => {
          const before = assessRaw({
            patient,
            medications: ds.map((name) => ({ name })),
            remedies: rs.map((name) => ({ name })),
          });
          const after = assessRaw({
            patient,
            medications: ds.map((name) => ({ name })),
            remedies: [...rs, extra].map((name) => ({ name })),
          });
          const key = (f: { kind: string; between: readonly string[]; text: string }) =>
            `${f.kind}|${f.between.join('+')}|${f.text}`;
          const kept = new Set(after.treatment.safety.map(key));
          return before.treatment.safety.every((f) => kept.has(key(f)));
        },
      ),
      { seed: 11, numRuns: 60 },
    );
  });
});

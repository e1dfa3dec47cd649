import { describe, expect, it } from 'vitest';
import { realIndex } from '../../test/knowledge.js';
import { resolvePreparation } from './preparation.js';

const remedy = (id: string) => {
  const r = realIndex().remedyById.get(id);
  if (r === undefined) throw new Error(`no remedy ${id}`);
  return r;
};
const form = (id: string, name: string, explicit?: string) => {
  const r = resolvePreparation(remedy(id), name, explicit);
  return r.kind === 'known' ? `${r.preparation.form}/${r.preparation.solvent}/${r.how}` : r.kind;
};

describe('resolvePreparation', () => {
  it('reads the preparation from a synonym or a form word in the name', () => {
    expect(form('propolis', 'propolis tincture')).toBe('tincture/ethanol/named');
    expect(form('propolis', 'Propolis drops, 15 before meals')).toBe('tincture/ethanol/named');
    expect(form('hemlock', 'Hemlock tincture')).toBe('tincture/ethanol/named');
  });

  it('takes an explicit preparation over the name', () => {
    expect(form('propolis', 'propolis', 'powder')).toBe('powder/none/named');
    expect(form('propolis', 'propolis tincture', 'water extract')).toBe('water-extract/water/named');
  });

  it('falls back to the default preparation, or unknown', () => {
    expect(form('alcohol-tincture', 'cognac')).toBe('spirit/ethanol/default');
    expect(form('propolis', 'propolis')).toBe('unknown');
  });

  it('does not read a form word that is part of the remedy’s own name', () => {
    expect(form('chamomile', 'chamomile tea')).toBe('unknown');
    expect(form('aloe', 'aloe juice')).toBe('unknown');
  });

  it('says when a named form is not catalogued for the remedy', () => {
    expect(resolvePreparation(remedy('propolis'), 'propolis', 'glycerite')).toEqual({
      kind: 'uncatalogued',
      form: 'glycerite',
    });
    expect(resolvePreparation(remedy('betony'), 'betony capsules')).toEqual({
      kind: 'uncatalogued',
      form: 'capsule',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { assessRaw } from '../../test/assess-raw.js';

describe('antibody panel advice', () => {
  const nmdar = {
    patient: { age: 24, sex: 'female' },
    findings: [{ text: 'psychosis' }, { text: 'orofacial dyskinesia' }, { text: 'seizures' }],
  };

  it('advises NMDAR antibodies in CSF (and serum) by cell-based assay for an anti-NMDAR encephalitis picture', () => {
    const a = assessRaw(nmdar);
    const item = a.antibodyPanel.find((p) => p.antibody === 'nmdar');
    expect(item?.specimen).toContain('csf');
    expect(item?.method).toMatch(/cell-based assay/);
    expect(item?.citations.length).toBeGreaterThan(0);
  });

  it('does not advise an antibody the case already reports', () => {
    const a = assessRaw({ ...nmdar, antibodies: [{ name: 'NMDAR', result: 'negative', specimen: 'csf' }] });
    expect(a.antibodyPanel.map((p) => p.antibody)).not.toContain('nmdar');
  });

  it('advises intracellular antibodies with tissue-based screening and a confirmatory blot', () => {
    const a = assessRaw({
      patient: { age: 65, sex: 'female', smoking: 'current' },
      findings: [{ text: 'sensory ataxia' }, { text: 'areflexia' }, { text: 'paresthesia' }],
    });
    const hu = a.antibodyPanel.find((p) => p.antibody === 'hu');
    expect(hu?.method).toMatch(/tissue-based indirect immunofluorescence/);
  });
});

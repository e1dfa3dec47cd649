import { describe, expect, it } from 'vitest';
import { assessInput, exampleInput } from '../../test/support/assess-example.js';
import { describeChanges } from './changes.js';
import { deriveSchedule } from './schedule.js';

describe('describeChanges', () => {
  const yo = exampleInput('03-anti-yo-cerebellar-breast-cancer.json');
  const before = assessInput(yo);
  const snapshot = {
    assessmentId: '1',
    input: yo,
    assessment: before,
    schedule: deriveSchedule(before).items,
  };

  it('says nothing changed for the same case', () => {
    const c = describeChanges(snapshot, snapshot, null);
    expect(c.summary).toEqual([]);
    expect(c.topSyndromes).toEqual({ added: [], removed: [] });
  });

  it('names syndromes entering and leaving the top 3 and a changed antibody result', () => {
    const input = {
      ...yo,
      antibodies: [{ name: 'Anti-Yo ', result: 'negative' as const }],
      findings: [{ hpo: 'HP:0001250' }, { text: 'recent change in memory' }],
    };
    const after = assessInput(input);
    const c = describeChanges(
      snapshot,
      { input, assessment: after, schedule: deriveSchedule(after).items },
      null,
    );
    expect(c.antibodies).toEqual({
      new: [],
      changed: [{ name: 'Anti-Yo ', from: 'positive', to: 'negative' }],
    });
    const topBefore = before.syndromes.slice(0, 3).map((s) => s.id);
    const topAfter = after.syndromes.slice(0, 3).map((s) => s.id);
    expect(c.topSyndromes.added.map((s) => s.id)).toEqual(topAfter.filter((id) => !topBefore.includes(id)));
    expect(c.topSyndromes.removed.map((s) => s.id)).toEqual(topBefore.filter((id) => !topAfter.includes(id)));
    expect(c.topSyndromes.added.length).toBeGreaterThan(0);
    expect(c.summary).toContain('Anti-Yo: positive → negative');
  });

  it('matches an antibody across the names laboratories print for it, and unknown names as written', () => {
    const input = {
      ...yo,
      antibodies: [
        { name: 'PCA-1', result: 'negative' as const },
        { name: 'anti-Zorb', result: 'positive' as const },
      ],
    };
    const after = assessInput(input);
    const next = { input, assessment: after, schedule: deriveSchedule(after).items };
    const c = describeChanges(snapshot, next, null);
    expect(c.antibodies).toEqual({
      new: [{ name: 'anti-Zorb', result: 'positive' }],
      changed: [{ name: 'PCA-1', from: 'positive', to: 'negative' }],
    });
    // An assessment stored before antibodies were listed in the Assessment is compared by the names as written.
    const { antibodies: _dropped, ...older } = before;
    const legacy = describeChanges({ ...snapshot, assessment: older as typeof before }, next, null);
    expect(legacy.antibodies.new.map((a) => a.name)).toEqual(['PCA-1', 'anti-Zorb']);
    expect(legacy.antibodies.changed).toEqual([]);
  });
});

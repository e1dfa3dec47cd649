import { describe, expect, it } from 'vitest';
import * as engine from './engine/index.js';
import * as api from './index.js';

describe('public API', () => {
  // A cheap API report: a change to the exported names must be deliberate.
  it('exports exactly these names', () => {
    expect(Object.keys(api).sort()).toEqual([
      'DISCLAIMER',
      'assess',
      'buildKnowledgeIndex',
      'formatIssue',
      'knowledgePaths',
      'loadKnowledge',
      'parseCase',
      'renderText',
    ]);
    expect(Object.keys(engine).sort()).toEqual(['DISCLAIMER', 'assess']);
  });
});

import { describe, expect, it } from 'vitest';
import { realIndex } from '../../test/knowledge.js';
import { warmUp } from './warm-up.js';

describe('warmUp', () => {
  it('parses its bundled case against the real knowledge (a contract change would make serve fail to start)', () => {
    expect(() => warmUp(realIndex())).not.toThrow();
  });
});

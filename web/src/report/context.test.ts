import { describe, expect, it } from 'vitest';
import { describeSource } from './context.js';

describe('describeSource', () => {
  it('names an input by its kind and 1-based position', () => {
    expect(describeSource('findings.1.text')).toBe('finding 2');
    expect(describeSource('notes.0')).toBe('note 1');
    expect(describeSource('antibodies.0')).toBe('antibody 1');
    expect(describeSource('labPatterns.corrected-calcium')).toBe('lab pattern corrected-calcium');
    expect(describeSource('patient.age')).toBe('patient age');
  });
});

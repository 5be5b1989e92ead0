import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { closest, didYouMean, editDistance } from './suggest.js';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps as one edit each', () => {
    expect(editDistance('edges', 'edges')).toBe(0);
    expect(editDistance('edgs', 'edges')).toBe(1);
    expect(editDistance('edgess', 'edges')).toBe(1);
    expect(editDistance('edgex', 'edges')).toBe(1);
    expect(editDistance('egdes', 'edges')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('is symmetric and zero only for equal strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), (a, b) => {
        expect(editDistance(a, b)).toBe(editDistance(b, a));
        expect(editDistance(a, b) === 0).toBe(a === b);
      }),
    );
  });
});

describe('closest', () => {
  it('suggests a plausible typo and nothing for an unrelated name', () => {
    expect(closest('edgs', ['roots', 'edges', 'reach'])).toBe('edges');
    expect(closest('zzz', ['roots', 'edges'])).toBeNull();
  });

  it('prefers the earliest of equally close candidates', () => {
    expect(closest('ab', ['ac', 'ad'])).toBe('ac');
  });

  it('never suggests the name itself', () => {
    expect(closest('edges', ['edges'])).toBeNull();
    expect(didYouMean('edges', ['edges'])).toBe('');
    expect(didYouMean('edgs', ['edges'])).toBe(' (did you mean `edges`?)');
  });
});

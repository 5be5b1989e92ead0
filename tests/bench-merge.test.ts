import { describe, expect, it } from 'vitest';
import { mergeRuns } from '../bench/peers/merge.js';
import type { Result } from '../bench/peers/result.js';

const r = (impl: string, ms: number | null, rss: number | null = 100, correct = true): Result => ({
  workload: 'W1',
  size: 10_000,
  impl,
  workers: 1,
  ms,
  p90_ms: null,
  rss_mb: rss,
  correct: ms === null ? null : correct,
  status: ms === null ? 'did not finish' : 'ok',
});

describe('mergeRuns', () => {
  it('takes the median time, the largest RSS and all-correct per row', () => {
    const merged = mergeRuns([r('a', 30, 100), r('b', 5), r('a', 10, 300), r('a', 20, 200, false)]);
    expect(merged.map((m) => [m.impl, m.ms, m.rss_mb, m.correct])).toEqual([
      ['a', 20, 300, false],
      ['b', 5, 100, true],
    ]);
  });

  it('keeps "did not finish" only when no run finished', () => {
    expect(mergeRuns([r('a', null), r('a', null)])[0]?.status).toBe('did not finish');
    expect(mergeRuns([r('a', null), r('a', 40)])[0]).toMatchObject({ status: 'ok', ms: 40 });
  });
});

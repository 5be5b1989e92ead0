/**
 * `npm run bench -- --runs N`: the results of N runs of the same plan folded into one row
 * per (workload, size, implementation): the median time and p90 over the runs that
 * finished, the largest peak RSS, correct only if every run was. A row that did not
 * finish in any run keeps that status; one that finished in some runs is `ok`, from those.
 */
import type { Result } from './result.js';

function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

function present(xs: readonly (number | null)[]): number[] {
  return xs.filter((x): x is number => x !== null);
}

/** One row per (workload, size, impl), in first-appearance order. */
export function mergeRuns(results: readonly Result[]): Result[] {
  const groups = new Map<string, Result[]>();
  for (const r of results) {
    const key = `${r.workload}\u0000${r.size}\u0000${r.impl}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [r]);
    else group.push(r);
  }
  return [...groups.values()].map((group) => {
    const first = group[0] as Result;
    const done = group.filter((r) => r.status === 'ok');
    if (done.length === 0) return first;
    const rss = present(done.map((r) => r.rss_mb));
    return {
      ...first,
      ms: median(present(done.map((r) => r.ms))),
      p90_ms: median(present(done.map((r) => r.p90_ms))),
      rss_mb: rss.length === 0 ? null : Math.max(...rss),
      correct: done.every((r) => r.correct === true),
      status: 'ok',
    };
  });
}

/**
 * The CI ratio check (issue #9): within one run, our engine must beat every peer on each
 * gated workload, and its results must be correct. Each implementation's figure is its
 * best round: on this machine noise only ever slows a run down — a process's speed drifts
 * by up to twofold for every implementation alike, from one minute or process to the
 * next — so the fastest of several rounds is the least disturbed measurement of each,
 * and the ratio of two best rounds compares the implementations, not the moments they
 * ran at. Only ratios between measurements of the same run are compared.
 */
import type { Result } from './result.js';

/** Our implementation's name in the results. */
export const OURS = 'ddir';

/** One gated comparison. */
export interface Comparison {
  readonly workload: string;
  readonly size: number;
  readonly peer: string;
  /** Best rounds (null: some round did not finish or failed). */
  readonly ours: number | null;
  readonly theirs: number | null;
  /** theirs / ours: above 1 means ours is faster. */
  readonly ratio: number | null;
  readonly ok: boolean;
}

/** The best (least) `ms` of an implementation's rounds, or null if any round has no figure. */
function bestOf(results: readonly Result[], workload: string, size: number, impl: string): number | null {
  const rounds = results.filter((r) => r.workload === workload && r.size === size && r.impl === impl);
  if (rounds.length === 0 || rounds.some((r) => r.ms === null)) return null;
  return Math.min(...rounds.map((r) => r.ms as number));
}

/**
 * Compares ours with every peer on every (workload, size) present in `results` (several
 * rounds each). Ours passes against a peer when its best round is faster than the peer's;
 * a peer that did not finish loses; ours not finishing, or any result of ours being
 * wrong, fails.
 */
export function compare(results: readonly Result[]): Comparison[] {
  const cases = [...new Set(results.map((r) => `${r.workload}\u0000${r.size}`))].map((k) => {
    const [workload = '', size = '0'] = k.split('\u0000');
    return { workload, size: Number(size) };
  });
  const peers = [...new Set(results.map((r) => r.impl))].filter((i) => i !== OURS);
  const out: Comparison[] = [];
  for (const { workload, size } of cases) {
    const ours = bestOf(results, workload, size, OURS);
    const oursCorrect = results
      .filter((r) => r.workload === workload && r.size === size && r.impl === OURS)
      .every((r) => r.correct === true);
    for (const peer of peers) {
      const theirs = bestOf(results, workload, size, peer);
      const ratio = ours !== null && theirs !== null && ours > 0 ? theirs / ours : null;
      const faster = theirs === null || (ratio !== null && ratio > 1);
      out.push({ workload, size, peer, ours, theirs, ratio, ok: ours !== null && oursCorrect && faster });
    }
  }
  return out;
}

/**
 * One measurement's result: the JSON object `npm run bench -- --json` prints per line
 * (issue #9: workload, size, impl, workers, ms, p90_ms, rss_mb, correct), plus `status`
 * saying whether it finished. A measurement that did not finish has null figures.
 */

/** `ok`, or why there are no figures. */
export type Status = 'ok' | 'did not finish' | 'error';

export interface Result {
  /** `W1` (load), `W2` (per tick), `W3-load`, `W3-update` (per change). */
  readonly workload: string;
  readonly size: number;
  readonly impl: string;
  readonly workers: number;
  /** W1/W3-load: the load time (median over repetitions); W2/W3-update: the median tick. */
  readonly ms: number | null;
  /** The 90th percentile of the ticks (W2/W3-update) or of the repetitions (loads, else null). */
  readonly p90_ms: number | null;
  /** Peak resident set size of the measuring process, MiB. */
  readonly rss_mb: number | null;
  /** The result equals the oracle's (BFS / join count); null when it did not finish. */
  readonly correct: boolean | null;
  readonly status: Status;
}

/** The line a child prints before each result, so the runner can pick results out of its output. */
export const RESULT_PREFIX = 'RESULT ';

/**
 * Runs one measurement (measure.ts) in a child process with a wall-clock limit: past it,
 * the child is killed and the measurement is reported as "did not finish" rather than
 * waited for. A child that fails is reported as `error` (its stderr is passed on).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { RESULT_PREFIX } from './result.js';
import type { Result, Status } from './result.js';

/** The limit: a peer that has not finished a size in 120 s did not finish. */
export const LIMIT_MS = 120_000;

const MEASURE = fileURLToPath(new URL('./measure.ts', import.meta.url));

/** The workloads a child reports for a measure.ts workload. */
function reported(workload: string): string[] {
  return workload === 'W3' ? ['W3-load', 'W3-update'] : [workload];
}

function missing(workload: string, size: number, impl: string, status: Status): Result[] {
  return reported(workload).map((w) => ({
    workload: w,
    size,
    impl,
    workers: 1,
    ms: null,
    p90_ms: null,
    rss_mb: null,
    correct: null,
    status,
  }));
}

/**
 * Runs `measure.ts workload size impl reps warmup` in a child: `warmup` untimed
 * repetitions, then `reps` timed ones. Its results, or why there are none.
 */
export function measure(
  workload: string,
  size: number,
  impl: string,
  reps = 1,
  warmup = 0,
): Promise<Result[]> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        '--expose-gc',
        '--max-old-space-size=16384',
        '--import',
        'tsx',
        MEASURE,
        workload,
        String(size),
        impl,
        String(reps),
        String(warmup),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, LIMIT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (timedOut) return resolve(missing(workload, size, impl, 'did not finish'));
      const results = stdout
        .split('\n')
        .filter((l) => l.startsWith(RESULT_PREFIX))
        .map((l) => JSON.parse(l.slice(RESULT_PREFIX.length)) as Result);
      if (code !== 0 || results.length === 0) {
        process.stderr.write(`${impl} ${workload} ${size} failed (exit ${code}):\n${stderr}\n`);
        return resolve(missing(workload, size, impl, 'error'));
      }
      resolve(results);
    });
  });
}

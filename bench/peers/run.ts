/**
 * `npm run bench`: our engine and the TypeScript peers side by side on identical inputs
 * (issue #9). Every (workload, size, implementation) runs in its own process (spawn.ts),
 * one at a time; the browser figure runs our engine in headless Chromium (bench/browser).
 *
 *   npm run bench [-- --sizes small|medium|large] [--json] [--impl a,b] [--no-browser] [--reps N] [--warmup N] [--runs N]
 *
 * Sizes: small = W1 10k, W2 10k, W3 100k; medium (default) = W1 10k and 100k, W2 100k,
 * W3 100k; large = medium + W1 1M and W3 1M (minutes per peer). `--json` prints one
 * JSON object per measurement as it completes; otherwise a progress line per
 * measurement goes to stderr and the table to stdout. `--runs N` repeats the whole plan N
 * times (each measurement a fresh process, rounds one after the other, so a slow spell of
 * the machine hits every implementation) and tables the per-row medians (`merge.ts`).
 * `--reps N` times N repetitions per process (their median is reported), after
 * `--warmup N` untimed ones (default 0: the table times cold processes).
 */
import { measure } from './spawn.js';
import { mergeRuns } from './merge.js';
import { machine, table } from './table.js';
import type { Result } from './result.js';

type Workload = 'W1' | 'W2' | 'W3';

/** Implementations per workload: the session variant loads only, scratch matters for changes. */
const IMPLS: Record<Workload, readonly string[]> = {
  W1: ['ddir', 'ddir-session', 'd2ts', 'db-ivm'],
  W2: ['ddir', 'ddir-scratch', 'd2ts', 'db-ivm'],
  W3: ['ddir', 'ddir-scratch', 'd2ts', 'db-ivm'],
};

const SIZES: Record<string, readonly [Workload, number][]> = {
  small: [
    ['W1', 10_000],
    ['W2', 10_000],
    ['W3', 100_000],
  ],
  medium: [
    ['W1', 10_000],
    ['W1', 100_000],
    ['W2', 100_000],
    ['W3', 100_000],
  ],
  large: [
    ['W1', 10_000],
    ['W1', 100_000],
    ['W1', 1_000_000],
    ['W2', 100_000],
    ['W3', 100_000],
    ['W3', 1_000_000],
  ],
};

function option(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const sizes = option(args, '--sizes') ?? 'medium';
  const plan = SIZES[sizes];
  if (plan === undefined) throw new Error(`--sizes must be small, medium or large, not "${sizes}"`);
  const only = option(args, '--impl')?.split(',');
  const reps = Number(option(args, '--reps') ?? 1);
  const warmup = Number(option(args, '--warmup') ?? 0);
  const runs = Math.max(1, Number(option(args, '--runs') ?? 1));
  const results: Result[] = [];
  const emit = (rs: readonly Result[]) => {
    for (const r of rs) {
      results.push(r);
      if (json) console.log(JSON.stringify(r));
      else
        process.stderr.write(
          `${r.workload} ${r.size} ${r.impl}: ${r.status === 'ok' ? `${r.ms} ms${r.correct ? '' : ' WRONG'}` : r.status}\n`,
        );
    }
  };
  if (!json) process.stderr.write(`${machine()}\n`);
  for (let run = 0; run < runs; run++) {
    for (const [workload, size] of plan)
      for (const impl of IMPLS[workload])
        if (only === undefined || only.includes(impl))
          emit(await measure(workload, size, impl, reps, warmup));
    if (!args.includes('--no-browser') && (only === undefined || only.includes('ddir-browser'))) {
      const { measureBrowser } = await import('../browser/run.js');
      const browserSizes = plan.filter(([w]) => w === 'W1').map(([, n]) => n);
      emit(await measureBrowser(browserSizes));
    }
  }
  const runsNote = runs > 1 ? ` — medians of ${runs} runs` : '';
  if (!json) console.log(`${machine()}${runsNote}\n\n${table(mergeRuns(results))}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});

/**
 * The readable form of the results: one table, rows grouped by workload and size, each
 * with its ratio to our engine (`ddir`) on the same workload, and a header naming the
 * machine and the date (the README's results table is this output).
 */
import os from 'node:os';
import type { Result } from './result.js';

/** "2-core AMD EPYC, 23.5 GiB, Node v20…, linux 6.1…, 2026-…, load average 1.0 at start" (the machine is shared). */
export function machine(): string {
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  const gib = (os.totalmem() / 2 ** 30).toFixed(1);
  const date = new Date().toISOString().slice(0, 10);
  const load = os.loadavg()[0]?.toFixed(1) ?? '?';
  return `${os.cpus().length}-core ${cpu}, ${gib} GiB, Node ${process.version}, ${os.platform()} ${os.release()}, ${date}, load average ${load} at start`;
}

function fmtMs(ms: number | null): string {
  if (ms === null) return '—';
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 10) return `${ms.toFixed(0)} ms`;
  return `${ms.toPrecision(2)} ms`;
}

function fmtSize(n: number): string {
  return n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : String(n);
}

const ORDER = ['W1', 'W2', 'W3-load', 'W3-update'];

/** Groups results by workload then size, in a stable order. */
function grouped(results: readonly Result[]): Result[][] {
  const groups = new Map<string, Result[]>();
  const sorted = [...results].sort(
    (a, b) => ORDER.indexOf(a.workload) - ORDER.indexOf(b.workload) || a.size - b.size,
  );
  for (const r of sorted) {
    const k = `${r.workload} ${r.size}`;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  return [...groups.values()];
}

/** What the `ms` figure means for a workload. */
const MEANING: Record<string, string> = {
  W1: 'load + first tick',
  W2: 'per tick (1 edge out, 1 in)',
  'W3-load': 'load + first tick',
  'W3-update': 'per single-row change',
};

/** The results as a Markdown table (readable in a terminal too). */
export function table(results: readonly Result[]): string {
  const lines = [
    '| workload | size | impl | time (median) | p90 | × ddir | peak RSS | correct |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const group of grouped(results)) {
    const ours = group.find((r) => r.impl === 'ddir')?.ms ?? null;
    for (const r of group) {
      const ratio =
        r.ms !== null && ours !== null && ours > 0
          ? `${(r.ms / ours).toFixed(r.ms / ours >= 10 ? 0 : 2)}×`
          : '';
      const correct = r.status !== 'ok' ? r.status : r.correct ? 'yes' : '**NO**';
      lines.push(
        `| ${r.workload} (${MEANING[r.workload] ?? ''}) | ${fmtSize(r.size)} | ${r.impl} | ${fmtMs(r.ms)} | ${fmtMs(r.p90_ms)} | ${ratio} | ${r.rss_mb === null ? '—' : `${r.rss_mb} MiB`} | ${correct} |`,
      );
    }
  }
  return lines.join('\n');
}

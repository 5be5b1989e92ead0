// `ddir run SESSION --stats`: each installed program's plan with per-operator work after
// the session, as text and as `{"event":"stats",…}` lines with --json.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/cli.js';
import type { CliIo } from '../src/cli/io.js';

const root = fileURLToPath(new URL('..', import.meta.url));

async function ddir(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (t) => void (stdout += t), isTTY: false },
    stderr: { write: (t) => void (stderr += t), isTTY: false },
    stdin: Readable.from(['']),
    env: {},
    cwd: root,
  };
  const code = await runCli(argv, io, '9.9.9');
  return { code, stdout, stderr };
}

interface StatsLine {
  event: 'stats';
  program: string;
  file: string;
  epoch: number;
  busy: number;
  operators: number;
  plan: {
    version: number;
    nodes: { id: string; op: string }[];
    scopes: { name: string; parent: number | null }[];
  };
  stats: {
    node: string;
    op: string;
    in: number;
    out: number;
    held: number;
    inTotal: number;
    outTotal: number;
  }[];
}

describe('ddir run --stats', () => {
  it('prints the plan of every installed program with each operator’s work after the session', async () => {
    const { code, stdout } = await ddir(['run', 'demos/scc/session.txt', '--stats']);
    expect(code).toBe(0);
    const at = stdout.indexOf('── plan of scc (scc.ddp) after epoch 3');
    expect(at).toBeGreaterThan(stdout.indexOf('tick → epoch 3'));
    const table = stdout.slice(at);
    expect(table).toMatch(/operators did work in the last tick/);
    expect(table).toMatch(/operator\s+line\s+in\s+out\s+held\s+in total\s+out total/);
    // Both inner loops, nested in the outer one, with their feedback.
    expect(table).toContain('scc: loop (var cut ← feedback)');
    expect(table).toMatch(/\n {10}fwd: loop \(var label ← feedback\)/);
    expect(table).toMatch(/\n {10}bwd: loop \(var label ← feedback\)/);
    expect(table).toMatch(/\[33\] inspect "cut"\s+42\s+12\s+12\s+0\s+54\s+54/);
    expect(table).toContain('export "scc/component" ← 0.12');
  });

  it('prints one stats event per program with --json, after the session’s own events', async () => {
    const { code, stdout } = await ddir(['run', 'demos/scc/session.txt', '--stats', '--json']);
    expect(code).toBe(0);
    const events = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { event: string });
    const last = events.at(-1) as StatsLine;
    expect(events.filter((e) => e.event === 'stats')).toHaveLength(1);
    expect(last).toMatchObject({ event: 'stats', program: 'scc', file: 'scc.ddp', epoch: 3 });
    expect(last.plan.version).toBe(1);
    expect(last.plan.scopes.map((s) => s.name)).toEqual(['', 'scc', 'fwd', 'bwd', 'component']);
    expect(last.operators).toBe(last.stats.length);
    expect(last.busy).toBe(last.stats.filter((s) => s.in + s.out > 0).length);
    expect(last.busy).toBeGreaterThan(0);
    expect(last.busy).toBeLessThan(last.operators);
    const inspect = last.stats.find((s) => s.op === 'inspect');
    expect(inspect).toEqual({
      node: '1.33',
      op: 'inspect',
      in: 12,
      out: 12,
      held: 0,
      inTotal: 54,
      outTotal: 54,
    });
  });

  it('prints no stats without --stats, and forgets dropped programs', async () => {
    const plain = await ddir(['run', 'demos/scc/session.txt', '--json']);
    expect(plain.stdout).not.toContain('"event":"stats"');
    const dir = mkdtempSync(join(tmpdir(), 'ddir-stats-'));
    const script = join(dir, 'session.txt');
    const lines = ['install roads demos/sharing/roads.ddp', 'feed roads 0 1,2', 'tick'];
    lines.push(
      'install trip demos/sharing/trip.ddp',
      'install busy demos/sharing/busy.ddir',
      'tick',
      'drop busy',
    );
    writeFileSync(script, lines.join('\n') + '\n');
    const sharing = await ddir(['run', script, '--stats', '--json']);
    expect(sharing.code).toBe(0);
    const programs = sharing.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { event: string; program?: string })
      .filter((e) => e.event === 'stats')
      .map((e) => e.program);
    expect(programs).toEqual(['roads', 'trip']);
  });

  it('is an option of run only', async () => {
    const { code, stderr } = await ddir(['plan', 'demos/scc/scc.ddp', '--stats']);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown option --stats');
  });
});

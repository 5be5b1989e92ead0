// The demo gallery cannot rot: for every demos/NAME/ folder, demo.json validates against
// the folder (src/demos/catalog.ts), the script runs through the real server with no
// error events except the lines listed in `expectErrors`, its `--json` events equal
// demos/NAME/expected.jsonl (reviewed by hand, like tests/sessions; inspect updates
// between two other events compared as a multiset), each `predict` entry's changes are
// the trace's actual changes at that tick (peek before and after, diffed), and the CLI
// runs the script from the repository root with the same events (install paths resolve
// against the script's folder, as with the reference ddir_server).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/cli.js';
import type { CliIo } from '../src/cli/io.js';
import {
  DEMO_ORDER,
  EXPECTED_FILE,
  META_FILE,
  demoCatalog,
  parseDemoMeta,
  validateDemo,
} from '../src/demos/catalog.js';
import type { DemoChange, DemoMeta } from '../src/demos/catalog.js';
import { Engine } from '../src/engine/engine.js';
import { DEFAULT_BUDGET, Session, runLine, scriptLines } from '../src/server/index.js';
import type { JsonRow, ServerEvent } from '../src/server/index.js';
import { normalizeEvents } from './events.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const demosDir = join(root, 'demos');
const names = readdirSync(demosDir)
  .filter((n) => statSync(join(demosDir, n)).isDirectory())
  .sort();

/** Every file of a demo folder by name. */
function folderFiles(name: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const f of readdirSync(join(demosDir, name))) files[f] = readFileSync(join(demosDir, name, f), 'utf8');
  return files;
}

function loadMeta(files: Readonly<Record<string, string>>): DemoMeta {
  const { meta, problems } = parseDemoMeta(JSON.parse(files[META_FILE] ?? 'null') as unknown);
  expect(problems).toEqual([]);
  if (meta === null) throw new Error('demo.json did not parse');
  return meta;
}

/** A key for a row's (key, val), for diffing peeks. */
function rowKey(row: JsonRow | DemoChange): string {
  return JSON.stringify([row[0], row[1]]);
}

/** The changes from one peek to the next, sorted by their JSON (key, val). */
function diffRows(before: readonly JsonRow[], after: readonly JsonRow[]): DemoChange[] {
  const net = new Map<string, DemoChange>();
  const add = (row: JsonRow, sign: number): void => {
    const k = rowKey(row);
    const diff = (net.get(k)?.[2] ?? 0) + sign * row[2];
    net.set(k, [row[0], row[1], diff]);
  };
  for (const r of before) add(r, -1);
  for (const r of after) add(r, 1);
  return sortChanges([...net.values()].filter((c) => c[2] !== 0));
}

function sortChanges(changes: readonly DemoChange[]): DemoChange[] {
  return [...changes].sort((a, b) => (rowKey(a) < rowKey(b) ? -1 : rowKey(a) > rowKey(b) ? 1 : 0));
}

/** The rows of a peek of `trace` in the session's current state. */
function peekRows(session: Session, trace: string): readonly JsonRow[] {
  const [event] = session.executeLine(`peek ${trace}`);
  if (event?.event !== 'peek') throw new Error(`peek ${trace} failed: ${JSON.stringify(event)}`);
  return event.rows;
}

interface Run {
  readonly events: ServerEvent[];
  /** Actual changes of each predict entry's trace at its tick, by entry index. */
  readonly predicted: DemoChange[][];
}

/** Runs a demo's script through a fresh server session, reading files from the folder. */
function runDemo(meta: DemoMeta, files: Readonly<Record<string, string>>): Run {
  const engine = new Engine({ ...DEFAULT_BUDGET });
  const session = new Session({ engine, readFile: (path) => files[path.replace(/^(\.\/)+/, '')] });
  const events: ServerEvent[] = [];
  const predict = meta.predict ?? [];
  const predicted: DemoChange[][] = predict.map(() => []);
  for (const line of scriptLines(files[meta.script] ?? '')) {
    if (session.finished) break;
    const here = predict.flatMap((p, i) => (p.beforeLine === line.line ? [i] : []));
    const before = here.map((i) => peekRows(session, predict[i]?.trace ?? ''));
    events.push(...runLine(session, line));
    here.forEach((i, j) => {
      predicted[i] = diffRows(before[j] ?? [], peekRows(session, predict[i]?.trace ?? ''));
    });
  }
  return { events, predicted };
}

async function runCliJson(script: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (t) => void (stdout += t), isTTY: false },
    stderr: { write: (t) => void (stderr += t), isTTY: false },
    stdin: process.stdin,
    env: {},
    cwd: root,
  };
  const code = await runCli(['run', script, '--json'], io, 'test');
  return { code, stdout, stderr };
}

describe('demo gallery', () => {
  it('has the twelve demos of PLAYGROUND.md, in gallery order', () => {
    expect([...names].sort()).toEqual([...DEMO_ORDER].sort());
    const catalog = demoCatalog(
      Object.fromEntries(
        names.flatMap((n) => Object.entries(folderFiles(n)).map(([f, t]) => [`/demos/${n}/${f}`, t])),
      ),
    );
    expect(catalog.map((d) => d.name)).toEqual([...DEMO_ORDER]);
    expect(catalog.flatMap((d) => d.problems)).toEqual([]);
    expect(
      names.filter((n) => (loadMeta(folderFiles(n)).predict ?? []).length > 0).length,
    ).toBeGreaterThanOrEqual(3);
  });

  it('reports broken demos', () => {
    const files = { 'a.ddp': 'export "x" = input 0;', 'session.txt': 'install a b.ddp\n# note\ntick\n' };
    const meta: DemoMeta = {
      title: 't',
      summary: 's',
      difficulty: 'beginner',
      script: 'session.txt',
      files: ['a.ddp', 'session.txt', 'gone.ddp'],
      steps: [{ line: 2, say: 'a comment line' }],
      predict: [{ beforeLine: 1, trace: 'x', question: 'q', changes: [] }],
      expectErrors: [9],
    };
    const problems = validateDemo(meta, files).join('\n');
    expect(problems).toContain('"gone.ddp", which is not in the folder');
    expect(problems).toContain('installs "b.ddp"');
    expect(problems).toContain('line 2 of session.txt is blank or a comment');
    expect(problems).toContain('(install a) has no step');
    expect(problems).toContain('line 1 is not a tick');
    expect(problems).toContain('expectErrors: line 9');
    expect(parseDemoMeta({ title: 't' }).problems.length).toBeGreaterThan(3);
    expect(demoCatalog({ '/demos/x/demo.json': '{' })[0]?.problems[0]).toContain('not valid JSON');
  });

  for (const name of names) {
    describe(name, () => {
      const files = folderFiles(name);

      it('demo.json validates against the folder', () => {
        const meta = loadMeta(files);
        expect(validateDemo(meta, files)).toEqual([]);
        expect(files[EXPECTED_FILE]).toBeDefined();
      });

      it('runs with only the intended errors, and prints its golden events', () => {
        const meta = loadMeta(files);
        const { events } = runDemo(meta, files);
        const errorLines = events.flatMap((e) => (e.event === 'error' ? [e.line ?? -1] : []));
        expect(errorLines).toEqual([...(meta.expectErrors ?? [])].sort((a, b) => a - b));
        const golden = (files[EXPECTED_FILE] ?? '').split('\n');
        expect(normalizeEvents(events.map((e) => JSON.stringify(e)))).toEqual(normalizeEvents(golden));
      });

      it('each prediction is what the tick really changes', () => {
        const meta = loadMeta(files);
        const { predicted } = runDemo(meta, files);
        (meta.predict ?? []).forEach((p, i) => {
          expect({ line: p.beforeLine, trace: p.trace, changes: predicted[i] }).toEqual({
            line: p.beforeLine,
            trace: p.trace,
            changes: sortChanges(p.changes),
          });
          expect(p.changes.length).toBeGreaterThan(0);
        });
      });

      it('runs with `ddir run demos/NAME/session.txt --json` from the repository root', async () => {
        const meta = loadMeta(files);
        const { code, stdout, stderr } = await runCliJson(join('demos', name, meta.script));
        expect(stderr).toBe('');
        expect(code).toBe(0);
        expect(normalizeEvents(stdout.split('\n'))).toEqual(
          normalizeEvents((files[EXPECTED_FILE] ?? '').split('\n')),
        );
      });
    });
  }
});

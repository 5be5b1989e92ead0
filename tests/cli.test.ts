// The `ddir` command end to end, in-process: argv in, exit status and output out.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/cli.js';
import type { CliIo } from '../src/cli/io.js';

const root = fileURLToPath(new URL('..', import.meta.url));

interface Ran {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function ddir(argv: string[], options: { cwd?: string; stdin?: string } = {}): Promise<Ran> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (t) => void (stdout += t), isTTY: false },
    stderr: { write: (t) => void (stderr += t), isTTY: false },
    stdin: Readable.from([options.stdin ?? '']),
    env: {},
    cwd: options.cwd ?? root,
  };
  const code = await runCli(argv, io, '9.9.9');
  return { code, stdout, stderr };
}

/** A fresh directory holding the given files. */
function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ddir-cli-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const BROKEN = 'let a = input 0 | key($0[0] ;)\nexport "out" = nothing | distinct;\n';
const ECHO = 'export "echo" = input 0 | inspect(echo);\n';

describe('ddir help and version', () => {
  it('explains every subcommand in --help', async () => {
    const { code, stdout } = await ddir(['--help']);
    expect(code).toBe(0);
    for (const word of ['run', 'repl', 'check', 'plan', '--workers', '--max-iterations', '--max-seconds']) {
      expect(stdout).toContain(word);
    }
  });

  it('prints a page per subcommand and the version', async () => {
    expect((await ddir(['help', 'check'])).stdout).toMatch(/file:line:col/);
    expect(await ddir(['--version'])).toEqual({ code: 0, stdout: 'ddir 9.9.9\n', stderr: '' });
  });

  it('exits with 2 and a hint on usage errors', async () => {
    const { code, stdout, stderr } = await ddir(['run']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^ddir: run: which session script\?.*\nRun ddir --help/);
  });
});

describe('ddir check', () => {
  it('reports each diagnostic with its position, source line and carets, and exits 1', async () => {
    const cwd = workspace({ 'broken.ddp': BROKEN, 'ok.ddp': ECHO });
    const { code, stdout } = await ddir(['check', 'ok.ddp', 'broken.ddp'], { cwd });
    expect(code).toBe(1);
    expect(stdout.split('\n').slice(0, 6)).toEqual([
      'broken.ddp:1:31: error: expected `;` after this statement',
      '  1 | let a = input 0 | key($0[0] ;)',
      '    |                               ^',
      'broken.ddp:2:16: error: unknown name `nothing`; in scope: a',
      '  2 | export "out" = nothing | distinct;',
      '    |                ^^^^^^^',
    ]);
  });

  it('prints diagnostics as JSON events with 1-based exclusive ranges', async () => {
    const cwd = workspace({ 'broken.ddp': BROKEN });
    const { code, stdout } = await ddir(['check', '--json', 'broken.ddp'], { cwd });
    expect(code).toBe(1);
    const events = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as unknown);
    expect(events[1]).toEqual({
      event: 'diagnostic',
      file: 'broken.ddp',
      line: 2,
      col: 16,
      endLine: 2,
      endCol: 23,
      severity: 'error',
      message: 'unknown name `nothing`; in scope: a',
    });
  });

  it('exits 0 without output for a clean program and 2 for an unreadable file', async () => {
    const cwd = workspace({ 'ok.ddp': ECHO });
    expect(await ddir(['check', 'ok.ddp'], { cwd })).toEqual({ code: 0, stdout: '', stderr: '' });
    const missing = await ddir(['check', 'ok.ddp', 'gone.ddp'], { cwd });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('ddir check: cannot read gone.ddp\n');
  });
});

describe('ddir plan', () => {
  it('prints the optimized scope tree, or its JSON form', async () => {
    const text = await ddir(['plan', 'tests/sessions/programs/reach.ddp']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/scope reach/);
    expect(text.stdout).toMatch(/export "result"/);
    const json = await ddir(['plan', '--json', 'tests/sessions/programs/reach.ddp']);
    expect(JSON.parse(json.stdout)).toMatchObject({ imports: ['edges'], exports: [{ name: 'result' }] });
  });

  it('prints diagnostics instead of a plan for a broken program', async () => {
    const cwd = workspace({ 'broken.ddp': BROKEN });
    const { code, stdout } = await ddir(['plan', 'broken.ddp'], { cwd });
    expect(code).toBe(1);
    expect(stdout).toMatch(/^broken.ddp:1:31: error/);
  });
});

describe('ddir run', () => {
  it('prints readable tables and errors with the script line', async () => {
    const cwd = workspace({
      'echo.ddp': ECHO,
      's.txt': 'install e echo.ddp\nfeed e 0 1,2\nfeed e 0 1,,2\ntick\npeek echo\nlist\n',
    });
    const { code, stdout } = await ddir(['run', 's.txt'], { cwd });
    expect(code).toBe(0);
    expect(stdout).toContain('installed e');
    expect(stdout).toContain('line 3: error: feed: not a value: "1,,2"');
    expect(stdout).toContain('  3 | feed e 0 1,,2');
    expect(stdout).toMatch(/^ {2}e +echo +\(1, 2\) +\(\) +\[0\] +\+1$/m);
    expect(stdout).toContain('── tick → epoch 1 ──');
    expect(stdout).toContain('peek echo (1 row)');
  });

  it('finds programs next to the script when they are not in the working directory', async () => {
    const dir = workspace({ 'echo.ddp': ECHO, 's.txt': 'install e echo.ddp\nlist\n' });
    const { stdout } = await ddir(['run', join(dir, 's.txt'), '--json'], { cwd: root });
    expect(stdout.split('\n')[0]).toBe('{"event":"installed","name":"e"}');
  });

  it('exits 2 when the script cannot be read', async () => {
    const { code, stderr } = await ddir(['run', 'no/such/script.txt']);
    expect(code).toBe(2);
    expect(stderr).toBe('ddir run: cannot read session script no/such/script.txt\n');
  });
});

describe('ddir repl', () => {
  it('reads commands from piped stdin until exit', async () => {
    const cwd = workspace({ 'echo.ddp': ECHO });
    const stdin = 'install e echo.ddp\nfeed e 0 7\ntick\npeek echo\nexit\ntick\n';
    const { code, stdout } = await ddir(['repl', '--json'], { cwd, stdin });
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toEqual([
      '{"event":"installed","name":"e"}',
      '{"event":"inspect","program":"e","label":"echo","key":[7],"val":[],"time":[0],"diff":1}',
      '{"event":"tick","epoch":1}',
      '{"event":"peek","trace":"echo","key":null,"rows":[[[7],[],1]]}',
    ]);
  });
});

describe('example sessions', () => {
  // Each demo shows its results without surprises: only the errors it means to show.
  const expectedErrors: Record<string, number> = { 'reach.txt': 0, 'sharing.txt': 1, 'generated.txt': 1 };
  for (const [script, errors] of Object.entries(expectedErrors)) {
    it(`${script} runs from the repository root with only its intended errors`, async () => {
      const { code, stdout } = await ddir(['run', `examples/sessions/${script}`, '--json']);
      expect(code).toBe(0);
      const events = stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { event: string });
      expect(events.filter((e) => e.event === 'error')).toHaveLength(errors);
      expect(events.filter((e) => e.event === 'peek').length).toBeGreaterThan(0);
    });
  }
});

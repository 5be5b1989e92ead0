// `ddir run --url`: a share link's script runs with the link's own files (never the
// disk), a demo link runs the built-in demo from the package's demos/ folder, the
// link's worker count is read, and a damaged link is explained with exit status 2.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../src/cli/args.js';
import { runCli } from '../src/cli/cli.js';
import type { CliIo } from '../src/cli/io.js';
import { linkState } from '../src/cli/run-url.js';
import { demoHash, encodeShare } from '../src/share/link.js';
import { normalizeEvents } from './events.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const read = (path: string): string => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
const REACH = { 'reach.ddp': read('demos/reach/reach.ddp'), 'session.txt': read('demos/reach/session.txt') };
const BASE = 'https://playground.example/ddir/';

async function ddir(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (t) => void (stdout += t), isTTY: false },
    stderr: { write: (t) => void (stderr += t), isTTY: false },
    stdin: process.stdin,
    env: {},
    cwd: root,
  };
  const code = await runCli(argv, io, 'test');
  return { code, stdout, stderr };
}

const GOLDEN = normalizeEvents(read('demos/reach/expected.jsonl'));

describe('ddir run --url', () => {
  it('parses --url for run only, and not together with a script', () => {
    expect(parseArgs(['run', '--url', 'x#s=1', '--json'])).toEqual({
      command: 'run-url',
      url: 'x#s=1',
      session: { json: true, workers: 1 },
      workersGiven: false,
    });
    expect(parseArgs(['run', '--url=x', '-w2'])).toMatchObject({ command: 'run-url', workersGiven: true });
    expect(parseArgs(['run', 's.txt', '--url', 'x'])).toEqual({
      usage: 'run: give a session script or --url, not both',
    });
    expect(parseArgs(['repl', '--url', 'x'])).toEqual({ usage: 'repl: unknown option --url' });
  });

  it('runs a share link with its own files', async () => {
    const url = BASE + encodeShare({ files: REACH, script: 'session.txt', workers: 1, run: true });
    const { code, stdout, stderr } = await ddir('run', '--url', url, '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(normalizeEvents(stdout)).toEqual(GOLDEN);
  });

  it('runs a demo link from the package demos folder', async () => {
    const { code, stdout } = await ddir('run', '--json', '--url', BASE + demoHash('reach'));
    expect(code).toBe(0);
    expect(normalizeEvents(stdout)).toEqual(GOLDEN);
    const text = await ddir('run', '--url', `${BASE}#demo=sharing`);
    expect(text.stdout).toContain('installed trip');
  });

  it('reads install paths only from the link, never from the disk', async () => {
    const files = {
      'session.txt': 'install x /etc/hostname\ninstall y ../package.json\ninstall z ./p.ddp\n',
      'p.ddp': 'export "p" = input 0;\n',
    };
    const hash = `#s=${compressToEncodedURIComponent(JSON.stringify({ files }))}`;
    const { code, stdout } = await ddir('run', '--json', '--url', hash);
    expect(code).toBe(0);
    const events = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { event: string; line?: number });
    expect(events.map((e) => [e.event, e.line ?? null])).toEqual([
      ['error', 1],
      ['error', 2],
      ['installed', null],
    ]);
  });

  it("uses the link's worker count unless --workers is given", () => {
    const hash = `#s=${compressToEncodedURIComponent(JSON.stringify({ files: REACH, workers: 3 }))}`;
    expect(linkState(BASE + hash)).toMatchObject({ workers: 3, script: 'session.txt' });
  });

  it('explains a link it cannot open, with exit status 2', async () => {
    const cases: [string, RegExp][] = [
      [`${BASE}#s=garbage!!`, /cannot open the link: the link is damaged/],
      [`${BASE}#s=${compressToEncodedURIComponent('{"v":9,"files":{}}')}`, /newer playground/],
      [`${BASE}#demo=nope`, /no demo named "nope" \(demos: adts, /],
      [`${BASE}#demo=../src`, /no demo named/],
      [BASE, /no "#s=…" or "#demo=NAME" part/],
      [`#s=${compressToEncodedURIComponent('{"files":{"a.ddp":""}}')}`, /no session script/],
    ];
    for (const [url, message] of cases) {
      const { code, stdout, stderr } = await ddir('run', '--url', url);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(message);
    }
  });
});

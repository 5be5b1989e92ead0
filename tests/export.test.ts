// Export (PLAYGROUND.md part 9): every demo's bundle is a zip whose folder runs
// unchanged — unzipped to a temporary folder, `ddir run session.txt --json` from inside
// it prints the demo's golden events with no errors but its `expectErrors`, the script
// uses only what the reference `ddir_server` reads (whole-line comments, its commands,
// `install` of a file in the folder), and the README says how to run it both ways.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readZip } from './zip-reader.js';
import { runCli } from '../src/cli/cli.js';
import type { CliIo } from '../src/cli/io.js';
import { demoCatalog } from '../src/demos/catalog.js';
import { parseCommand, scriptLines } from '../src/server/index.js';
import { exportBundle, rewriteScript } from '../src/share/bundle.js';
import { zipStore } from '../src/share/zip.js';
import { normalizeEvents } from './events.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const demosDir = join(root, 'demos');
const modules: Record<string, string> = {};
for (const name of readdirSync(demosDir).filter((n) => statSync(join(demosDir, n)).isDirectory())) {
  for (const f of readdirSync(join(demosDir, name))) {
    modules[`/demos/${name}/${f}`] = readFileSync(join(demosDir, name, f), 'utf8');
  }
}
const catalog = demoCatalog(modules);
const scratch = mkdtempSync(join(tmpdir(), 'ddir-export-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The commands the reference server knows (ddir_server.rs `parse_command`). */
const REFERENCE_COMMANDS = new Set(['install', 'feed', 'tick', 'drop', 'peek', 'list', 'help', 'exit']);

async function runIn(cwd: string, script: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (t) => void (stdout += t), isTTY: false },
    stderr: { write: (t) => void (stderr += t), isTTY: false },
    stdin: process.stdin,
    env: {},
    cwd,
  };
  const code = await runCli(['run', script, '--json'], io, 'test');
  return { code, stdout, stderr };
}

describe('rewriteScript', () => {
  it('rewrites install paths to the files of the folder, and reports what it cannot find', () => {
    const files = { 'a.ddp': '', 'session.txt': '' };
    const { text, problems } = rewriteScript(
      '# c\r\ninstall a ./a.ddp\ninstall a ././a.ddp\ninstall b gone.ddp\n  install c a.ddp\ntick',
      files,
    );
    expect(text).toBe('# c\ninstall a a.ddp\ninstall a a.ddp\ninstall b gone.ddp\n  install c a.ddp\ntick\n');
    expect(problems).toEqual(['line 4 installs gone.ddp, which is not one of the files']);
  });
});

describe('export bundles', () => {
  for (const demo of catalog) {
    it(`${demo.name}: the unzipped bundle runs with ddir and prints the golden events`, async () => {
      const meta = demo.meta;
      if (meta === null) throw new Error(demo.problems.join('\n'));
      const bundle = exportBundle({
        files: demo.files,
        script: meta.script,
        folder: demo.name,
        title: meta.title,
      });
      expect(bundle.problems).toEqual([]);
      const zip = zipStore(bundle.entries);
      const dir = join(scratch, demo.name);
      for (const { path, text } of readZip(zip)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
      const folder = join(dir, demo.name);
      expect(readdirSync(folder).sort()).toEqual([...meta.files, 'README.md'].sort());

      // Only what the reference reads.
      const script = readFileSync(join(folder, meta.script), 'utf8');
      expect(script).not.toContain('\r');
      for (const { text } of scriptLines(script)) {
        const command = parseCommand(text);
        if (command === null) {
          expect(text.trim() === '' || /^\s*(#|--)/.test(text)).toBe(true);
          continue;
        }
        expect(command).not.toHaveProperty('error');
        if ('error' in command) continue;
        expect(REFERENCE_COMMANDS.has(command.kind)).toBe(true);
        if (command.kind === 'install') expect(meta.files).toContain(command.file);
      }
      const readme = readFileSync(join(folder, 'README.md'), 'utf8');
      expect(readme).toContain(`--example ddir_server -- ${meta.script}`);
      expect(readme).toContain(`npx ddir run ${meta.script}`);

      const { code, stdout, stderr } = await runIn(folder, meta.script);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const errors = normalizeEvents(stdout).flatMap((e) =>
        (e as { event: string; line?: number }).event === 'error' ? [(e as { line?: number }).line] : [],
      );
      expect(errors).toEqual([...(meta.expectErrors ?? [])].sort((a, b) => a - b));
      expect(normalizeEvents(stdout)).toEqual(
        normalizeEvents(modules[`/demos/${demo.name}/expected.jsonl`] ?? ''),
      );
    });
  }
});

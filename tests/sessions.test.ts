// Golden sessions: every tests/sessions/NAME.txt, run with `ddir run --json` (plus the
// options of a `# options: …` first line), must print exactly tests/sessions/NAME.jsonl.
// Inspect updates between two other events are compared as a multiset (SERVER.md lets
// their order vary); everything else line by line. Goldens are written and reviewed by
// hand; there is no update mode.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/cli.js';
import type { CliIo } from '../src/cli/io.js';
import { normalizeEvents } from './events.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = join(root, 'tests', 'sessions');
const scripts = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort();

async function runJson(script: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const text = readFileSync(join(dir, script), 'utf8');
  const options = /^# options: (.*)$/m.exec(text.split('\n')[0] ?? '')?.[1]?.split(/\s+/) ?? [];
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (t) => void (stdout += t), isTTY: false },
    stderr: { write: (t) => void (stderr += t), isTTY: false },
    stdin: process.stdin,
    env: {},
    cwd: root,
  };
  const code = await runCli(['run', join('tests', 'sessions', script), '--json', ...options], io, 'test');
  return { code, stdout, stderr };
}

describe('golden sessions', () => {
  for (const script of scripts) {
    it(`${script} prints its golden events`, async () => {
      const golden = readFileSync(join(dir, script.replace(/\.txt$/, '.jsonl')), 'utf8');
      const { code, stdout, stderr } = await runJson(script);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(normalizeEvents(stdout)).toEqual(normalizeEvents(golden));
    });
  }
});

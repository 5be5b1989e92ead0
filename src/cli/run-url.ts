/**
 * `ddir run --url LINK`: runs the session a playground link carries — a share link
 * (`…#s=…`, PLAYGROUND.md "Share URL format") or a demo link (`…#demo=NAME`, read from
 * the package's own `demos/` folder). Nothing touches the disk besides that folder:
 * `install` reads the link's files (`x.ddp` or `./x.ddp`), never the working directory,
 * since a link may come from a stranger. The link's worker count is used unless
 * `--workers` is given. Output and exit status are those of `ddir run`; a link that
 * cannot be opened is exit 2 with the playground's explanation.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { eventPrinter } from './printer.js';
import { createRunner } from './session-host.js';
import { demoCatalog } from '../demos/catalog.js';
import { scriptLines, withLine } from '../server/script.js';
import { resolveInstallPath } from '../share/bundle.js';
import { hashOf, parseHash } from '../share/link.js';
import type { SessionArgs } from './args.js';
import type { CliIo } from './io.js';
import type { ShareState } from '../share/link.js';

/** The package's demo folders (next to dist/ and src/). */
const DEMOS = new URL('../../demos/', import.meta.url);

/** A built-in demo as a share state, or why there is none. */
function demoState(name: string): ShareState | string {
  let names: string[];
  try {
    names = readdirSync(DEMOS, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
  } catch {
    return `the demos folder ${fileURLToPath(DEMOS)} cannot be read`;
  }
  if (!names.includes(name)) return `there is no demo named "${name}" (demos: ${names.join(', ')})`;
  const folder = new URL(`${name}/`, DEMOS);
  const modules: Record<string, string> = {};
  for (const file of readdirSync(folder)) {
    modules[`/demos/${name}/${file}`] = readFileSync(new URL(file, folder), 'utf8');
  }
  const [entry] = demoCatalog(modules);
  if (entry === undefined || entry.meta === null)
    return `the demo "${name}" is broken: ${entry?.problems.join('; ') ?? 'no files'}`;
  return { files: entry.files, script: entry.meta.script, workers: 1, run: true };
}

/** The workspace a link names, or why it cannot be opened. */
export function linkState(url: string): ShareState | string {
  const request = parseHash(url.includes('#') ? hashOf(url) : url);
  switch (request.kind) {
    case 'none':
      return 'the link has no "#s=…" or "#demo=NAME" part';
    case 'demo':
      return demoState(request.name);
    case 'share':
      return request.result.ok ? request.result.state : request.result.message;
  }
}

/** Runs `ddir run --url`; resolves to the exit status. */
export async function runUrl(
  io: CliIo,
  url: string,
  args: SessionArgs,
  workersGiven: boolean,
): Promise<number> {
  const state = linkState(url);
  if (typeof state === 'string') {
    io.stderr.write(`ddir run --url: cannot open the link: ${state}\n`);
    return 2;
  }
  const text = state.files[state.script];
  if (text === undefined) {
    io.stderr.write('ddir run --url: the link has no session script (.txt file) to run\n');
    return 2;
  }
  const files = state.files;
  const readFile = (path: string): string | undefined => {
    const name = resolveInstallPath(files, path);
    return name === null ? undefined : files[name];
  };
  const lines = scriptLines(text);
  const printer = eventPrinter(io, args.json, (n) => lines[n - 1]?.text);
  const session = { ...args, workers: workersGiven ? args.workers : state.workers };
  const runner = await createRunner(io.cwd, session, null, readFile);
  try {
    for (const line of lines) {
      if (runner.finished) break;
      for (const event of await runner.execute(line.text)) {
        printer.event(event.event === 'error' ? withLine(event, line.line) : event);
      }
    }
  } finally {
    await runner.close();
  }
  printer.end();
  return 0;
}

/**
 * What the page opens for its address's hash (PLAYGROUND.md "Share URL format"):
 * `#s=…` a shared workspace (run at once when the link says `run: true`), `#demo=NAME`
 * a built-in demo (its narrative shown, nothing run), a link that cannot be opened the
 * default demo with a notice saying why, and no such hash: null (the saved workspace).
 * Pure: the caller reads `location.hash` and drops it afterwards.
 */
import { DEFAULT_ACTIVE, DEFAULT_FILES, DEFAULT_SCRIPT } from '../state/defaults.js';
import { DEMOS } from '../demos/builtin.js';
import { parseHash } from '../../share/link.js';
import type { Demo } from '../demos/builtin.js';

/** A workspace to open instead of the saved one. */
export interface Opening {
  readonly files: Readonly<Record<string, string>>;
  readonly active: string;
  readonly script: string;
  /** The link's worker count; null keeps the saved setting. */
  readonly workers: number | null;
  /** Run the script as soon as the page is up (under the run budget). */
  readonly run: boolean;
  readonly notice: string | null;
  /** The demo whose narrative to show, if any. */
  readonly demo: string | null;
}

/** The file to show first: the first program by name, else the script. */
export function firstProgram(files: Readonly<Record<string, string>>, script: string): string {
  const names = Object.keys(files).sort();
  return names.find((n) => n.endsWith('.ddp') || n.endsWith('.ddir')) ?? (script || names[0] || '');
}

/** The default demo, with a notice saying why it opened. */
function defaultDemo(notice: string): Opening {
  return {
    files: DEFAULT_FILES,
    active: DEFAULT_ACTIVE,
    script: DEFAULT_SCRIPT,
    workers: null,
    run: true,
    notice,
    demo: null,
  };
}

/** The opening for `hash` (see the module header). */
export function openingFromHash(
  hash: string,
  demos: readonly Demo[] = DEMOS,
  maxWorkers = Infinity,
): Opening | null {
  const request = parseHash(hash);
  switch (request.kind) {
    case 'none':
      return null;
    case 'demo': {
      const demo = demos.find((d) => d.name === request.name);
      if (demo === undefined) {
        const name = request.name.length > 40 ? `${request.name.slice(0, 40)}…` : request.name;
        return defaultDemo(`There is no demo named "${name}"; opened the default demo instead.`);
      }
      return {
        files: demo.files,
        active: firstProgram(demo.files, demo.meta.script),
        script: demo.meta.script,
        workers: null,
        run: false,
        notice: null,
        demo: demo.name,
      };
    }
    case 'share': {
      const { result } = request;
      if (!result.ok) {
        return defaultDemo(
          `This share link could not be opened: ${result.message} Opened the default demo instead.`,
        );
      }
      const { files, script, run } = result.state;
      const workers = Math.min(result.state.workers, maxWorkers);
      const count = Object.keys(files).length;
      const offer =
        script === '' ? 'It has no session script (.txt) to run.' : `Press Run script to run ${script}.`;
      const notes = [
        ...(run ? [] : [`Opened a shared workspace (${count} file${count === 1 ? '' : 's'}). ${offer}`]),
        ...(workers < result.state.workers
          ? [`The link asks for ${result.state.workers} workers; this machine offers ${workers}.`]
          : []),
      ];
      return {
        files,
        active: firstProgram(files, script),
        script,
        workers,
        run: run && script !== '',
        notice: notes.length === 0 ? null : notes.join(' '),
        demo: null,
      };
    }
  }
}

/**
 * The link Share gives for the current workspace: `#demo=NAME` while the files and the
 * script are still exactly a built-in demo's (and one worker), else `#s=` with the files,
 * the script, the worker count and whether to run on open (only what differs from the
 * defaults: `share/link.ts`). Pure over the store's state.
 */
import { unchangedDemo } from '../demos/builtin.js';
import { demoHash, encodeShare, withHash } from '../../share/link.js';
import type { Demo } from '../demos/builtin.js';
import type { PlaygroundState } from '../state/store.js';

/** The share link of `state` on the page at `base`; `demo` names the demo it still is. */
export function shareLink(
  state: Pick<PlaygroundState, 'files' | 'script' | 'settings'>,
  base: string,
  run: boolean,
  demos?: readonly Demo[],
): { readonly url: string; readonly demo: string | null } {
  const demo = state.settings.workers === 1 ? unchangedDemo(state.files, state.script, demos) : undefined;
  if (demo !== undefined) return { url: withHash(base, demoHash(demo.name)), demo: demo.name };
  const hash = encodeShare({
    files: state.files,
    script: state.script,
    workers: state.settings.workers,
    run,
  });
  return { url: withHash(base, hash), demo: null };
}

/**
 * `useFirstLoadDone()`: true once the page's first load has finished — the demo script
 * (or a restored journal, or a link's script) ran and its results are in the store — or
 * at the latest `FIRST_LOAD_WAIT_MS` after the component mounted, and from then on.
 *
 * Parts of the page the first results do not need (Monaco, ELK's layout worker) wait
 * for it, so their loading and start-up never compete with the session's workers and
 * the first render of its results (issue #9: first results within 1.5 s); the cap keeps
 * a long-running first script from holding them back.
 */
import { useEffect, useState } from 'react';
import { usePlaygroundState } from './context.js';

/** The longest the deferred parts wait for the first load. */
export const FIRST_LOAD_WAIT_MS = 2000;

/** True once the first load is done or took too long (see the module header). */
export function useFirstLoadDone(): boolean {
  const ready = usePlaygroundState((s) => s.ready);
  const [late, setLate] = useState(false);
  useEffect(() => {
    if (ready) return undefined;
    const timer = setTimeout(() => setLate(true), FIRST_LOAD_WAIT_MS);
    return () => clearTimeout(timer);
  }, [ready]);
  return ready || late;
}

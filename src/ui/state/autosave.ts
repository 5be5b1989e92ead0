/**
 * Autosave: watches the store and saves the workspace (files, active file, script,
 * settings, journal) a short while after it last changed, and at once when the page is
 * hidden. A failed save becomes the store's `notice` (once per distinct message).
 */
import { saveState } from './persist.js';
import type { KeyValueStore, SavedState } from './persist.js';
import type { PlaygroundState } from './store.js';
import type { StoreApi } from 'zustand/vanilla';

/** How long after the last change the workspace is saved. */
export const AUTOSAVE_DELAY_MS = 300;

/** The persisted part of the state. */
export function savedState(s: PlaygroundState): SavedState {
  return {
    v: 1,
    files: s.files,
    active: s.active,
    script: s.script,
    settings: s.settings,
    journal: s.journal,
  };
}

/** Starts autosaving; answers a function that saves now and stops. */
export function startAutosave(
  store: StoreApi<PlaygroundState>,
  storage: KeyValueStore,
): { flush(): void; stop(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastError: string | null = null;
  const save = (): void => {
    timer = undefined;
    const s = store.getState();
    const error = saveState(storage, savedState(s));
    if (error !== null && error !== lastError) store.setState({ notice: error });
    lastError = error;
  };
  const unsubscribe = store.subscribe((s, prev) => {
    const changed =
      s.files !== prev.files ||
      s.active !== prev.active ||
      s.script !== prev.script ||
      s.settings !== prev.settings ||
      s.journal !== prev.journal;
    if (!changed || !s.ready) return;
    clearTimeout(timer);
    timer = setTimeout(save, AUTOSAVE_DELAY_MS);
  });
  return {
    flush() {
      if (timer !== undefined) {
        clearTimeout(timer);
        save();
      }
    },
    stop() {
      clearTimeout(timer);
      unsubscribe();
    },
  };
}

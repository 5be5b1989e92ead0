/**
 * Starting the playground: load the saved workspace (or open the demo, with a notice
 * when a save could not be used), create the store and the actions, start autosave,
 * then bring the session back — replaying a saved journal, or, on a first visit, running
 * the demo script (under the run budget) so results show within moments. A share or demo
 * link in the address (`share/open-link.ts`) opens its workspace instead.
 */
import { Playground } from './actions.js';
import { savedState, startAutosave } from './autosave.js';
import { DEFAULT_ACTIVE, DEFAULT_FILES, DEFAULT_SCRIPT } from './defaults.js';
import { loadState, saveState } from './persist.js';
import { createPlaygroundStore, initialState } from './store.js';
import type { Backend } from '../backend/protocol.js';
import type { KeyValueStore } from './persist.js';
import { DEFAULT_SETTINGS } from './settings.js';
import type { Settings } from './settings.js';
import type { Opening } from '../share/open-link.js';

/** A running playground. */
export interface Booted {
  readonly playground: Playground;
  readonly autosave: { flush(): void; stop(): void };
}

/**
 * Boots the playground (see the module header); `makeBackend` gets the restored settings.
 * An `opening` (a share or demo link) replaces the saved workspace, keeping its budget.
 */
export function bootPlayground(
  storage: KeyValueStore,
  makeBackend: (settings: Settings) => Backend,
  opening: Opening | null = null,
): Booted {
  const { state: saved, notice } = loadState(storage);
  const settings = saved?.settings ?? DEFAULT_SETTINGS;
  const state =
    opening !== null
      ? initialState(opening.files, opening.active, opening.script, {
          ...settings,
          workers: opening.workers ?? settings.workers,
        })
      : saved === null
        ? initialState(DEFAULT_FILES, DEFAULT_ACTIVE, DEFAULT_SCRIPT)
        : initialState(saved.files, saved.active, saved.script, saved.settings);
  const store = createPlaygroundStore({ ...state, notice: opening === null ? notice : opening.notice });
  const playground = new Playground(store, makeBackend(state.settings));
  const autosave = startAutosave(store, storage);
  if (opening !== null) {
    if (opening.run) void playground.runScript();
  } else if (saved === null) void playground.runScript();
  else if (saved.journal.length > 0) void playground.restore(saved.journal);
  void playground.markReady();
  // Autosave waits for changes after ready; a link's workspace is saved once it is up.
  if (opening !== null) void playground.idle().then(() => saveState(storage, savedState(store.getState())));
  return { playground, autosave };
}

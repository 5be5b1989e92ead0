/**
 * Starting the playground: load the saved workspace (or open the demo, with a notice
 * when a save could not be used), create the store and the actions, start autosave,
 * then bring the session back — replaying a saved journal, or, on a first visit, running
 * the demo script (under the run budget) so results show within moments.
 */
import { Playground } from './actions.js';
import { startAutosave } from './autosave.js';
import { DEFAULT_ACTIVE, DEFAULT_FILES, DEFAULT_SCRIPT } from './defaults.js';
import { loadState } from './persist.js';
import { createPlaygroundStore, initialState } from './store.js';
import type { Backend } from '../backend/protocol.js';
import type { KeyValueStore } from './persist.js';
import type { Settings } from './settings.js';

/** A running playground. */
export interface Booted {
  readonly playground: Playground;
  readonly autosave: { flush(): void; stop(): void };
}

/** Boots the playground (see the module header); `makeBackend` gets the restored settings. */
export function bootPlayground(storage: KeyValueStore, makeBackend: (settings: Settings) => Backend): Booted {
  const { state: saved, notice } = loadState(storage);
  const state =
    saved === null
      ? initialState(DEFAULT_FILES, DEFAULT_ACTIVE, DEFAULT_SCRIPT)
      : initialState(saved.files, saved.active, saved.script, saved.settings);
  const store = createPlaygroundStore({ ...state, notice });
  const playground = new Playground(store, makeBackend(state.settings));
  const autosave = startAutosave(store, storage);
  if (saved === null) void playground.runScript();
  else if (saved.journal.length > 0) void playground.restore(saved.journal);
  void playground.markReady();
  return { playground, autosave };
}

/**
 * The React binding of the playground: a context holding the `Playground` (store +
 * actions), `usePlayground()` for the actions and `usePlaygroundState(selector)` to
 * subscribe a component to one slice of the store (re-rendering only when it changes).
 */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { Playground } from '../state/actions.js';
import type { PlaygroundState } from '../state/store.js';

export const PlaygroundContext = createContext<Playground | null>(null);

/** The playground's actions. */
export function usePlayground(): Playground {
  const playground = useContext(PlaygroundContext);
  if (playground === null)
    throw new Error('usePlayground: no PlaygroundContext.Provider above this component');
  return playground;
}

/** One slice of the store. */
export function usePlaygroundState<T>(selector: (state: PlaygroundState) => T): T {
  return useStore(usePlayground().store, selector);
}

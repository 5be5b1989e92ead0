/**
 * The React binding of the demo narrative: `useDemoSession()` for its actions and
 * `useDemoState(selector)` to subscribe to one slice of its store.
 */
import { useStore } from 'zustand';
import { demoSession } from './demo-session.js';
import { usePlayground } from '../app/context.js';
import type { DemoSession, DemoState } from './demo-session.js';

/** The narrative of the playground in context. */
export function useDemoSession(): DemoSession {
  return demoSession(usePlayground());
}

/** One slice of the narrative's state. */
export function useDemoState<T>(selector: (state: DemoState) => T): T {
  return useStore(useDemoSession().store, selector);
}

/**
 * Registers the d2ts load hooks (`d2ts-hooks.ts`); import this before `@electric-sql/d2ts`
 * (the adapter loads d2ts dynamically after it). `quietIterations` sets how many quiet
 * loop iterations d2ts's `iterate` waits for before closing an epoch.
 */
import { register } from 'node:module';

register('./d2ts-hooks.ts', import.meta.url);

/** Sets how many quiet iterations d2ts's loops wait for (upstream: 3). */
export function setQuietIterations(n: number): void {
  (globalThis as { __d2tsQuietIterations?: number }).__d2tsQuietIterations = n;
}

/**
 * The implementations under test, by name, loaded on demand: each measurement process
 * loads only its own (and d2ts only after its load-time patches are registered).
 */
import type { Impl } from '../impl.js';

/**
 * How many quiet iterations d2ts's loops wait for before closing an epoch (upstream: 3, which
 * makes W2 throw "Invalid version" when a retraction skips iterations); see d2ts-hooks.ts.
 */
export const D2TS_QUIET_ITERATIONS = 50;

const LOADERS: Record<string, () => Promise<Impl>> = {
  ddir: async () => (await import('./ddir.js')).ddir,
  'ddir-session': async () => (await import('./ddir.js')).ddirSession,
  'ddir-scratch': async () => (await import('./ddir.js')).ddirScratch,
  d2ts: async () => {
    const patch = await import('./d2ts-patch.js');
    patch.setQuietIterations(Number(process.env.D2TS_QUIET_ITERATIONS ?? D2TS_QUIET_ITERATIONS));
    return (await import('./d2ts.js')).d2ts;
  },
  'db-ivm': async () => (await import('./db-ivm.js')).dbIvm,
};

/** Every implementation name. */
export const IMPL_NAMES: readonly string[] = Object.keys(LOADERS);

/** Loads the implementation called `name`. */
export async function loadImpl(name: string): Promise<Impl> {
  const loader = LOADERS[name];
  if (loader === undefined)
    throw new Error(`unknown implementation "${name}" (known: ${IMPL_NAMES.join(', ')})`);
  return loader();
}

/**
 * The engine keeps its object layouts alive between dataflows (src/engine/layouts.ts):
 * code V8 optimized for one dataflow's traces is still optimized after that dataflow
 * is gone and a full collection has run, so the next dataflow starts in it.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const PROBE = fileURLToPath(new URL('./layout-probe.ts', import.meta.url));

describe('engine layouts', () => {
  it('keep optimized trace code across the end of a dataflow and a full collection', () => {
    const out = execFileSync(
      process.execPath,
      ['--allow-natives-syntax', '--expose-gc', '--import', 'tsx', PROBE],
      { encoding: 'utf8' },
    );
    expect(out.trim()).toBe('optimized before: true, after: true');
  }, 60_000);
});

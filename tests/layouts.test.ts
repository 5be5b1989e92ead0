/**
 * The engine keeps its object layouts alive between dataflows (src/engine/layouts.ts):
 * code V8 optimized for one dataflow's traces, batch builders and emitters is still
 * optimized after they are gone and a full collection has run, so the next dataflow
 * starts in it.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const PROBE = fileURLToPath(new URL('./layout-probe.ts', import.meta.url));

describe('engine layouts', () => {
  it('keep optimized trace, builder and emitter code after those objects are gone and collected', () => {
    const out = execFileSync(
      process.execPath,
      ['--allow-natives-syntax', '--expose-gc', '--import', 'tsx', PROBE],
      { encoding: 'utf8' },
    );
    expect(out.trim()).toBe('find: true, pushMerging: true, push: true');
  }, 60_000);
});

/**
 * The engine keeps its object layouts alive between dataflows (src/engine/layouts.ts):
 * code V8 optimized for one dataflow's traces, batch builders and emitters is still
 * optimized after they are gone and a full collection has run, so the next dataflow
 * starts in it. And every node's outlet has one layout, whatever the node's class
 * (src/engine/outlet.ts), so sending a batch meets one layout.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const PROBE = fileURLToPath(new URL('./layout-probe.ts', import.meta.url));

describe('engine layouts', () => {
  it('keep optimized code after the objects are gone and collected; outlets share one layout', () => {
    const out = execFileSync(
      process.execPath,
      ['--allow-natives-syntax', '--expose-gc', '--import', 'tsx', PROBE],
      { encoding: 'utf8' },
    );
    expect(out.trim().split('\n')).toEqual([
      'find: true, pushMerging: true, push: true',
      'outlets: one layout',
    ]);
  }, 60_000);
});

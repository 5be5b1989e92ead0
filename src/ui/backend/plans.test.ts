import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SessionHost } from './session-host.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const files = {
  'scc.ddp': readFileSync(root + 'demos/scc/scc.ddp', 'utf8'),
  'roads.ddp': readFileSync(root + 'demos/sharing/roads.ddp', 'utf8'),
};

describe('plans from the session host', () => {
  it('answers each installed program’s plan with its work in the last tick', () => {
    const host = new SessionHost({ maxIterations: 10_000, maxSeconds: 5 });
    host.execute('install scc scc.ddp', files);
    host.execute('install roads roads.ddp', files);
    for (const line of ['feed scc 0 1,2', 'feed scc 0 2,1', 'tick']) host.execute(line, files);
    const plans = host.plans();
    expect(plans.map((p) => [p.program, p.file])).toEqual([
      ['scc', 'scc.ddp'],
      ['roads', 'roads.ddp'],
    ]);
    const scc = plans[0];
    expect(scc?.source).toBe(files['scc.ddp']);
    expect(scc?.plan.scopes.map((s) => s.name)).toEqual(['', 'scc', 'fwd', 'bwd', 'component']);
    const ids = new Set(scc?.plan.nodes.map((n) => n.id));
    for (const s of scc?.stats ?? []) expect(ids.has(`${s.scope}.${s.item}`)).toBe(true);
    expect(scc?.stats.some((s) => s.inLastTick > 0)).toBe(true);
    // roads got no rows: all idle.
    expect(plans[1]?.stats.every((s) => s.inLastTick + s.outLastTick === 0)).toBe(true);
  });

  it('forgets dropped programs and keeps plans across a replay', () => {
    const host = new SessionHost({ maxIterations: 10_000, maxSeconds: 5 });
    host.execute('install roads roads.ddp', files);
    host.execute('install scc scc.ddp', files);
    host.execute('drop roads', files);
    expect(host.plans().map((p) => p.program)).toEqual(['scc']);
    const again = new SessionHost({ maxIterations: 10_000, maxSeconds: 5 });
    again.replay([{ line: 'install scc scc.ddp', file: { name: 'scc.ddp', text: files['scc.ddp'] } }]);
    expect(again.plans().map((p) => p.program)).toEqual(['scc']);
  });
});

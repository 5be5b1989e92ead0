import { describe, expect, it } from 'vitest';
import { Registry } from './registry.js';
import type { ProgramEntry } from './registry.js';

function entry(name: string, dataflow: number, imports: string[], exports: string[]): ProgramEntry {
  return { name, origin: 'program', dataflow, inputs: [0], imports, exports };
}

function sample(): Registry {
  const r = new Registry();
  r.add(entry('prod', 1, [], ['edges']), new Map([['edges', 10]]));
  r.add(entry('reach', 2, ['edges'], ['result']), new Map([['result', 11]]));
  r.add(entry('count', 3, ['edges', 'result'], []), new Map());
  return r;
}

describe('Registry', () => {
  it('counts importers per trace from the programs that import it', () => {
    expect(sample().traceInfo()).toEqual([
      { name: 'edges', importers: 2 },
      { name: 'result', importers: 1 },
    ]);
  });

  it('blocks dropping a program whose traces are imported, naming the importers', () => {
    const r = sample();
    expect(r.dropBlockers('prod')).toEqual([{ trace: 'edges', importers: ['count', 'reach'] }]);
    expect(r.dropBlockers('count')).toEqual([]);
  });

  it('releases the gate and the trace names once importers are removed', () => {
    const r = sample();
    r.remove('count');
    r.remove('reach');
    expect(r.dropBlockers('prod')).toEqual([]);
    expect(r.trace('result')).toBeUndefined();
    r.remove('prod');
    expect(r.traceInfo()).toEqual([]);
    expect(r.programInfo()).toEqual([]);
  });

  it('lists programs sorted by name and finds them by dataflow', () => {
    const r = sample();
    expect(r.programInfo().map((p) => p.name)).toEqual(['count', 'prod', 'reach']);
    expect(r.programOf(2)?.name).toBe('reach');
    expect(r.trace('edges')).toEqual({ name: 'edges', trace: 10, owner: 'prod' });
  });
});

import { describe, expect, it } from 'vitest';
import { createLocalBackend } from '../backend/local-backend.js';
import { Playground } from './actions.js';
import { DEFAULT_ACTIVE, DEFAULT_FILES, DEFAULT_SCRIPT } from './defaults.js';
import { DEFAULT_SETTINGS } from './settings.js';
import { createPlaygroundStore, initialState } from './store.js';

function playground(): Playground {
  const store = createPlaygroundStore(initialState(DEFAULT_FILES, DEFAULT_ACTIVE, DEFAULT_SCRIPT));
  return new Playground(store, createLocalBackend(DEFAULT_SETTINGS));
}

const eventsOf = (p: Playground) =>
  p.store.getState().console.flatMap((e) => (e.kind === 'event' ? [e.event] : []));

describe('the playground store and actions', () => {
  it('running the demo script journals its commands and shows the reach trace', async () => {
    const p = playground();
    await p.runScript();
    const s = p.store.getState();
    expect(s.epoch).toBe(2);
    expect(s.journal.map((e) => e.line)).toEqual([
      'install reach reach.ddp',
      'feed reach 0 1,2',
      'feed reach 0 2,3',
      'feed reach 0 3,4',
      'feed reach 0 5,6',
      'feed reach 1 1',
      'tick',
      'feed reach 0 3,4 diff=-1',
      'tick',
    ]);
    expect(s.journal[0]?.file?.text).toBe(DEFAULT_FILES['reach.ddp']);
    const reach = s.traces.find((t) => t.name === 'reach');
    expect(reach?.rows).toEqual([
      [[1], [], 1],
      [[2], [], 1],
      [[3], [], 1],
    ]);
    expect(reach?.lastTick).toEqual({ added: [], removed: [[[4], [], 1]] });
    expect(reach?.history.filter((h) => h.epoch === 1)).toEqual([{ epoch: 1, key: [4], val: [], diff: -1 }]);
  });

  it('applies a tick as one store update: epoch, traces and console change together', async () => {
    const p = playground();
    await p.runScript();
    const seen: { epoch: number; rows: number; ticks: number }[] = [];
    const unsubscribe = p.store.subscribe((s, prev) => {
      if (s.epoch !== prev.epoch || s.traces !== prev.traces) {
        seen.push({
          epoch: s.epoch,
          rows: s.traces[0]?.rows.length ?? 0,
          ticks: s.console.filter((e) => e.kind === 'event' && e.event.event === 'tick').length,
        });
      }
    });
    await p.run('feed reach 0 3,4');
    await p.run('tick');
    unsubscribe();
    expect(seen).toEqual([{ epoch: 3, rows: 4, ticks: 3 }]);
  });

  it('a rejected command is shown but not journaled', async () => {
    const p = playground();
    await p.run('feed nobody 0 1');
    expect(eventsOf(p)[0]).toMatchObject({ event: 'error' });
    expect(p.store.getState().journal).toEqual([]);
  });

  it('replaying a saved journal restores epoch and traces, even after the file changed', async () => {
    const p = playground();
    await p.runScript();
    const { journal, traces, epoch } = p.store.getState();
    const q = playground();
    q.store.setState({ files: { ...DEFAULT_FILES, 'reach.ddp': 'broken (' } });
    await q.restore(journal);
    expect(q.store.getState().epoch).toBe(epoch);
    expect(q.store.getState().traces.map((t) => t.rows)).toEqual(traces.map((t) => t.rows));
  });

  it('Step runs the script one command at a time and highlights its line', async () => {
    const p = playground();
    await p.step();
    expect(p.store.getState().highlight).toEqual({ file: 'session.txt', line: 2 });
    expect(eventsOf(p)).toEqual([{ event: 'installed', name: 'reach' }]);
    await p.step();
    expect(p.store.getState().highlight).toEqual({ file: 'session.txt', line: 3 });
    expect(p.store.getState().journal).toHaveLength(2);
  });

  it('changing the worker count rebuilds by replay and keeps the results', async () => {
    const p = playground();
    await p.runScript();
    await p.changeSettings({ ...DEFAULT_SETTINGS, workers: 2 });
    await p.run('peek reach');
    expect(eventsOf(p).at(-1)).toEqual({
      event: 'peek',
      trace: 'reach',
      key: null,
      rows: [
        [[1], [], 1],
        [[2], [], 1],
        [[3], [], 1],
      ],
    });
  });
});

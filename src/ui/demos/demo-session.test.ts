// The narrative's Step and "predict, then tick", over a same-thread backend: Next step
// stops at narrated lines and before a tick that asks for a prediction, the tick marks
// the learner's draft against the trace's real changes, and booting from a link opens
// (and saves) the link's workspace.
import { describe, expect, it } from 'vitest';
import { findDemo } from './builtin.js';
import { demoSession, scriptPosition } from './demo-session.js';
import { createLocalBackend } from '../backend/local-backend.js';
import { openingFromHash } from '../share/open-link.js';
import { Playground } from '../state/actions.js';
import { bootPlayground } from '../state/boot.js';
import { DEFAULT_ACTIVE, DEFAULT_FILES, DEFAULT_SCRIPT } from '../state/defaults.js';
import { loadState } from '../state/persist.js';
import { DEFAULT_SETTINGS } from '../state/settings.js';
import { createPlaygroundStore, initialState } from '../state/store.js';
import { demoHash, encodeShare } from '../../share/link.js';
import type { KeyValueStore } from '../state/persist.js';

function memoryStorage(): KeyValueStore {
  const data = new Map<string, string>();
  return {
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

const reach = findDemo('reach');
if (reach === undefined) throw new Error('the reach demo is missing');

describe('the demo narrative', () => {
  it('steps to each narrated line, stops before a prediction, and marks it at the tick', async () => {
    const store = createPlaygroundStore(initialState(DEFAULT_FILES, DEFAULT_ACTIVE, DEFAULT_SCRIPT));
    const playground = new Playground(store, createLocalBackend(DEFAULT_SETTINGS));
    const session = demoSession(playground);
    expect(demoSession(playground)).toBe(session);
    await session.open(reach);
    expect(store.getState().files).toEqual(reach.files);

    const ranLines: (number | null)[] = [];
    for (let i = 0; i < 5; i++) {
      await session.next();
      ranLines.push(scriptPosition(store.getState(), reach).ran);
    }
    // Narrated lines 3, 4, 11, 12, 15; feeds 5-10 ran silently inside the third step.
    expect(ranLines).toEqual([3, 4, 11, 12, 15]);
    expect(scriptPosition(store.getState(), reach).next?.line).toBe(16);
    expect(store.getState().epoch).toBe(1);

    session.setDraft(0, '3 _ -1\n5 _ -1\n4 _');
    await session.next();
    const result = session.store.getState().results[0];
    expect(result?.marking.marked.map((m) => [m.change, m.right])).toEqual([
      [[[3], [], -1], true],
      [[[5], [], -1], false],
    ]);
    expect(result?.marking.missed).toEqual([]);
    expect(result?.problems).toEqual([expect.stringMatching(/^line 3: write KEY VAL DIFF/)]);

    // The Tick button afterwards does not re-mark the prediction.
    await playground.tick();
    expect(session.store.getState().results[0]).toBe(result);

    await session.runAll();
    expect(store.getState().epoch).toBe(4);
    expect(session.store.getState()).toMatchObject({ ranAll: true, results: {} });
  });
});

describe('booting from a link', () => {
  it('opens a share link, runs it and saves it, so a reload restores it', async () => {
    const storage = memoryStorage();
    const files = { ...reach.files, 'extra.txt': 'tick\n' };
    const opening = openingFromHash(encodeShare({ files, script: 'session.txt', workers: 1, run: true }));
    const { playground } = bootPlayground(storage, (s) => createLocalBackend(s), opening);
    await playground.idle();
    await playground.idle();
    expect(playground.store.getState()).toMatchObject({
      files,
      script: 'session.txt',
      active: 'reach.ddp',
      epoch: 4,
    });
    expect(loadState(storage).state?.files).toEqual(files);
  });

  it('opens a demo link without running it', async () => {
    const { playground } = bootPlayground(
      memoryStorage(),
      (s) => createLocalBackend(s),
      openingFromHash(demoHash('reach')),
    );
    await playground.idle();
    expect(playground.store.getState()).toMatchObject({ files: reach.files, epoch: 0, journal: [] });
  });
});

import { describe, expect, it } from 'vitest';
import { clearState, loadState, migrate, saveState, STORAGE_PREFIX } from './persist.js';
import { DEFAULT_SETTINGS } from './settings.js';
import type { KeyValueStore, SavedState } from './persist.js';

function memory(): KeyValueStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

const state = (text: string): SavedState => ({
  v: 1,
  files: { 'a.ddp': text, 's.txt': 'tick\n' },
  active: 'a.ddp',
  script: 's.txt',
  settings: DEFAULT_SETTINGS,
  journal: [{ line: 'install a a.ddp', file: { name: 'a.ddp', text } }, { line: 'tick' }],
});

describe('workspace persistence', () => {
  it('restores what was saved', () => {
    const storage = memory();
    expect(saveState(storage, state('one'))).toBeNull();
    expect(saveState(storage, state('two'))).toBeNull();
    expect(loadState(storage)).toEqual({ state: state('two'), notice: null });
  });

  it('falls back to the previous save when the latest is corrupt, and says so', () => {
    const storage = memory();
    saveState(storage, state('one'));
    saveState(storage, state('two'));
    const current = storage.getItem(`${STORAGE_PREFIX}:current`);
    storage.setItem(`${STORAGE_PREFIX}:slot-${current}`, '{"v":1,"files":');
    const loaded = loadState(storage);
    expect(loaded.state).toEqual(state('one'));
    expect(loaded.notice).toMatch(/could not be read/);
  });

  it('reports a save it cannot use instead of failing', () => {
    const storage = memory();
    storage.setItem(`${STORAGE_PREFIX}:slot-a`, 'not json');
    expect(loadState(storage)).toEqual({
      state: null,
      notice: 'Opened the demo: the saved workspace is not valid JSON.',
    });
    storage.setItem(`${STORAGE_PREFIX}:slot-a`, JSON.stringify({ v: 7, files: { 'a.txt': '' } }));
    expect(loadState(storage).notice).toMatch(/newer playground/);
  });

  it('migrates an unversioned save and repairs missing fields', () => {
    const migrated = migrate({ files: { 'b.ddp': 'x', 'z.txt': 'tick' }, active: 'gone.ddp' });
    expect(migrated).toEqual({
      v: 1,
      files: { 'b.ddp': 'x', 'z.txt': 'tick' },
      active: 'b.ddp',
      script: 'z.txt',
      settings: DEFAULT_SETTINGS,
      journal: [],
    });
    expect(migrate({ v: 1, files: {}, journal: [] })).toMatch(/no readable files/);
    expect(migrate({ v: 1, files: { 'a.txt': '' }, journal: [{ nope: 1 }] })).toMatch(/journal/);
  });

  it('reset everything forgets all saves', () => {
    const storage = memory();
    saveState(storage, state('one'));
    clearState(storage);
    expect(storage.map.size).toBe(0);
    expect(loadState(storage)).toEqual({ state: null, notice: null });
  });
});

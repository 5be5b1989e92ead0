import { describe, expect, it } from 'vitest';
import { KeyTable } from './key-table.js';
import type { Keyed } from './key-table.js';

// Few distinct hashes, so probe runs are long and wrap around the table's end.
const entry = (n: number): Keyed => ({ key: [n], hash: (n * 7) % 5 === 0 ? 0xffffffff : (n * 7) % 5 });

describe('KeyTable', () => {
  it('finds entries by structural key and keeps colliding keys apart', () => {
    const table = new KeyTable<Keyed>();
    const a = entry(1);
    const b = { key: [2], hash: a.hash };
    table.insert(a);
    table.insert(b);
    expect(table.get([1], a.hash)).toBe(a);
    expect(table.get([2], a.hash)).toBe(b);
    expect(table.get([3], a.hash)).toBeUndefined();
  });

  it('agrees with a Map through random inserts and deletes, growing and shrinking', () => {
    const table = new KeyTable<Keyed>();
    const model = new Map<number, Keyed>();
    let seed = 1;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let step = 0; step < 20000; step++) {
      const n = rand(300);
      const present = model.get(n);
      if (present === undefined) {
        const e = entry(n);
        table.insert(e);
        model.set(n, e);
      } else if (rand(2) === 0) {
        table.delete(present);
        model.delete(n);
      }
      if (step % 1000 === 0) {
        for (let k = 0; k < 300; k++) expect(table.get([k], entry(k).hash)).toBe(model.get(k));
      }
    }
    expect(table.size).toBe(model.size);
    for (const e of model.values()) table.delete(e);
    expect(table.size).toBe(0);
    let seen = 0;
    table.forEach(() => seen++);
    expect(seen).toBe(0);
  });
});

/**
 * Which items of a program produce rows that already sit on the worker owning their key,
 * so an arrangement of them needs no exchange (ENGINE.md "Sharding across workers").
 *
 * Arrangements and reducer outputs are partitioned by key by construction; so are
 * imported traces (published from arranged items). Partitioning survives what keeps
 * the key: filter, negate, flatmap, enter_at, lift_iter, inspect, entering and leaving
 * scopes, a concat of partitioned inputs, and a loop variable whose definition is
 * partitioned. Projections (`map`, join output) may change the key — even `key($0 ;)`
 * turns a List key into a Tuple — so they end partitioning, as do positional inputs
 * (fed rows are spread by a hash of the whole row).
 *
 * Variables make this a fixed point: the greatest one is taken (every variable assumed
 * partitioned, then any item that is not is cleared until nothing changes), which is
 * sound by induction over iterations — a variable holds nothing at iteration 0 and at
 * iteration i + 1 what its definition produced at i.
 */
import type { ItemIr, LinearOp, ProgramIr } from '../lang/ir.js';

const KEEPS_KEY: ReadonlySet<LinearOp['k']> = new Set([
  'filter',
  'negate',
  'flatmap',
  'enter_at',
  'lift_iter',
]);

/** `result[scope][item]`: true when the item's output rows are on their key's owner. */
export function keyPartitioned(program: ProgramIr): boolean[][] {
  const part = program.scopes.map((s) => s.items.map(() => true));
  const get = (scope: number, item: number): boolean => part[scope]?.[item] ?? false;
  const nextOf = new Map<string, number>();
  for (const s of program.scopes) for (const v of s.vars) nextOf.set(`${s.id}:${v.item}`, v.next);
  const rule = (scope: number, item: ItemIr): boolean => {
    switch (item.op) {
      case 'input':
      case 'scope':
      case 'join':
        return false;
      case 'import':
      case 'arrange':
      case 'reduce':
        return true;
      case 'enter': {
        const parent = program.scopes[scope]?.parent;
        return parent !== null && parent !== undefined && get(parent, item.from);
      }
      case 'leave':
        return get(item.child, item.from);
      case 'variable': {
        const next = nextOf.get(`${scope}:${item.id}`);
        return next !== undefined && get(scope, next);
      }
      case 'concat':
        return item.inputs.every((i) => get(scope, i));
      case 'linear':
        return get(scope, item.input) && item.ops.every((op) => KEEPS_KEY.has(op.k));
      case 'inspect':
        return get(scope, item.input);
    }
  };
  for (let changed = true; changed;) {
    changed = false;
    for (const s of program.scopes) {
      const row = part[s.id] as boolean[];
      for (const item of s.items) {
        if (row[item.id] === true && !rule(s.id, item)) {
          row[item.id] = false;
          changed = true;
        }
      }
    }
  }
  return part;
}

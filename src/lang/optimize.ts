/**
 * The IR optimizer: rewrites a lowered program into an equivalent, cheaper one.
 *
 * `optimize(program)` returns a new `ProgramIr` (the input is not modified) that computes
 * exactly the same collections, inspect updates and exports. Rewrites never cross a
 * scope boundary (only the references that point across one are updated); they run to
 * a fixed point:
 * - collapse: an `arrange` of an item that is already arranged is that item;
 * - fusion: a `linear` item reading another `linear` item that has no other reader
 *   (no other item, `enter`, `leave`, var feedback or export) absorbs it: the chain's
 *   ops are concatenated in order (never reordered, so `enter_at` then `lift_iter`
 *   keeps its meaning). This fuses across `let` names; a fused-away name disappears
 *   from `ScopeIr.names`;
 * - sharing: structurally identical items (same op, same inputs, same terms ignoring
 *   source spans) become one — e.g. a collection read by two joins is arranged once.
 *   As in the reference, identical `inspect`s (same input and label) are one too.
 * Then dead items are dropped and every scope renumbered (dependency order kept). Kept
 * alive: everything read (transitively) by a `let`/`var` name, a var's feedback, an
 * `inspect`, a child scope, or an export. Every `let` stays computed, as in the
 * reference, because a term failing on a row of an unused `let` still fails the program.
 */
import type { ExportIr, ItemId, ItemIr, ProgramIr, ScopeId, ScopeIr, VarIr } from './ir.js';
import { itemInputs, mapItemInputs } from './ir-util.js';
import { itemKey } from './ir-key.js';

// One scope under rewriting: items are replaced in place, dead ones flagged.
interface WorkScope {
  readonly ir: ScopeIr;
  readonly items: ItemIr[];
  readonly dead: boolean[];
  readonly vars: VarIr[];
  readonly names: Map<string, ItemId>;
}

/** An equivalent program with arranges collapsed, linear chains fused and duplicates shared. */
export function optimize(program: ProgramIr): ProgramIr {
  const work = new Work(program);
  work.rewrite();
  return work.finish();
}

class Work {
  private readonly scopes: WorkScope[];
  private readonly exports: ExportIr[];

  constructor(private readonly program: ProgramIr) {
    this.scopes = program.scopes.map((ir) => ({
      ir,
      items: [...ir.items],
      dead: ir.items.map(() => false),
      vars: [...ir.vars],
      names: new Map(ir.names),
    }));
    this.exports = [...program.exports];
  }

  private scope(id: ScopeId): WorkScope {
    const s = this.scopes[id];
    if (s === undefined) throw new Error(`optimize: no scope ${id}`);
    return s;
  }

  private item(s: WorkScope, id: ItemId): ItemIr {
    const item = s.items[id];
    if (item === undefined) throw new Error(`optimize: no item ${id} in scope ${s.ir.id}`);
    return item;
  }

  rewrite(): void {
    for (let changed = true; changed;) {
      changed = false;
      for (const s of this.scopes) {
        changed = this.collapse(s) || changed;
        changed = this.fuse(s) || changed;
        changed = this.share(s) || changed;
      }
    }
  }

  // Every reference to item `from` of scope `s` now reads `to`; `from` dies.
  private redirect(s: WorkScope, from: ItemId, to: ItemId): void {
    const sub = (id: ItemId): ItemId => (id === from ? to : id);
    s.items.forEach((item, id) => {
      if (!s.dead[id]) s.items[id] = mapItemInputs(item, sub);
    });
    s.vars.forEach((v, i) => (s.vars[i] = { ...v, next: sub(v.next) }));
    for (const [name, id] of s.names) s.names.set(name, sub(id));
    if (s.ir.parent === null) this.exports.forEach((e, i) => (this.exports[i] = { ...e, item: sub(e.item) }));
    for (const childId of s.ir.children) {
      const child = this.scope(childId);
      child.items.forEach((item, id) => {
        if (item.op === 'enter' && item.from === from) child.items[id] = { ...item, from: to };
      });
    }
    if (s.ir.parent !== null) {
      const parent = this.scope(s.ir.parent);
      parent.items.forEach((item, id) => {
        if (item.op === 'leave' && item.child === s.ir.id && item.from === from)
          parent.items[id] = { ...item, from: to };
      });
    }
    // The surviving item inherits a let name for plans (an import's `name` is its trace).
    const gone = this.item(s, from);
    const kept = this.item(s, to);
    if (kept.name === undefined && gone.name !== undefined && gone.op !== 'import' && kept.op !== 'import') {
      s.items[to] = { ...kept, name: gone.name };
    }
    s.dead[from] = true;
  }

  private isArranged(s: WorkScope, id: ItemId): boolean {
    const item = this.item(s, id);
    if (item.op === 'enter')
      return s.ir.parent !== null && this.isArranged(this.scope(s.ir.parent), item.from);
    return item.op === 'arrange' || item.op === 'reduce' || item.op === 'import';
  }

  private collapse(s: WorkScope): boolean {
    let changed = false;
    s.items.forEach((item, id) => {
      if (s.dead[id] || item.op !== 'arrange' || !this.isArranged(s, item.input)) return;
      this.redirect(s, id, item.input);
      changed = true;
    });
    return changed;
  }

  // Readers of each item of `s`, counting every kind of reference (see module header).
  private useCounts(s: WorkScope): number[] {
    const counts = s.items.map(() => 0);
    const bump = (id: ItemId): void => {
      counts[id] = (counts[id] ?? 0) + 1;
    };
    s.items.forEach((item, id) => {
      if (!s.dead[id]) itemInputs(item).forEach(bump);
    });
    s.vars.forEach((v) => bump(v.next));
    if (s.ir.parent === null) this.exports.forEach((e) => bump(e.item));
    for (const childId of s.ir.children) {
      const child = this.scope(childId);
      child.items.forEach((item, id) => {
        if (!child.dead[id] && item.op === 'enter') bump(item.from);
      });
    }
    if (s.ir.parent !== null) {
      const parent = this.scope(s.ir.parent);
      parent.items.forEach((item, id) => {
        if (!parent.dead[id] && item.op === 'leave' && item.child === s.ir.id) bump(item.from);
      });
    }
    return counts;
  }

  private fuse(s: WorkScope): boolean {
    const counts = this.useCounts(s);
    let changed = false;
    s.items.forEach((_, id) => {
      const outer = this.item(s, id);
      if (s.dead[id] || outer.op !== 'linear') return;
      const inner = this.item(s, outer.input);
      if (s.dead[outer.input] || inner.op !== 'linear' || counts[outer.input] !== 1) return;
      s.items[id] = { ...outer, input: inner.input, ops: [...inner.ops, ...outer.ops] };
      s.dead[outer.input] = true;
      for (const [name, target] of s.names) if (target === outer.input) s.names.delete(name);
      changed = true;
    });
    return changed;
  }

  private share(s: WorkScope): boolean {
    const seen = new Map<string, ItemId>();
    let changed = false;
    s.items.forEach((item, id) => {
      if (s.dead[id]) return;
      const key = itemKey(item);
      if (key === null) return;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, id);
      else {
        this.redirect(s, id, first);
        changed = true;
      }
    });
    return changed;
  }

  // Marks what must be kept (see the module header), across scopes.
  private liveness(): boolean[][] {
    const live = this.scopes.map((s) => s.items.map(() => false));
    const stack: [ScopeId, ItemId][] = [];
    const keep = (sid: ScopeId, id: ItemId): void => {
      const flags = live[sid];
      if (flags === undefined || flags[id] === true) return;
      flags[id] = true;
      stack.push([sid, id]);
    };
    this.scopes.forEach((s, sid) => {
      s.items.forEach((item, id) => {
        if (s.dead[id]) return;
        if (item.op === 'inspect' || item.op === 'scope' || item.op === 'variable') keep(sid, id);
      });
      s.vars.forEach((v) => keep(sid, v.next));
      for (const id of s.names.values()) keep(sid, id);
    });
    this.exports.forEach((e) => keep(0, e.item));
    for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
      const [sid, id] = top;
      const s = this.scope(sid);
      const item = this.item(s, id);
      itemInputs(item).forEach((input) => keep(sid, input));
      if (item.op === 'enter' && s.ir.parent !== null) keep(s.ir.parent, item.from);
      if (item.op === 'leave') keep(item.child, item.from);
    }
    return live;
  }

  /** Drops dead items and renumbers every scope, remapping all references. */
  finish(): ProgramIr {
    const live = this.liveness();
    const remaps = this.scopes.map((_, sid) => {
      const map = new Map<ItemId, ItemId>();
      (live[sid] ?? []).forEach((isLive, id) => {
        if (isLive) map.set(id, map.size);
      });
      return map;
    });
    const at = (sid: ScopeId, id: ItemId): ItemId => {
      const to = remaps[sid]?.get(id);
      if (to === undefined) throw new Error(`optimize: scope ${sid} item ${id} is read but was dropped`);
      return to;
    };
    const scopes = this.scopes.map((s, sid): ScopeIr => {
      const items: ItemIr[] = [];
      s.items.forEach((item, id) => {
        if (live[sid]?.[id] !== true) return;
        let out = mapItemInputs(item, (x) => at(sid, x));
        if (out.op === 'enter' && s.ir.parent !== null) out = { ...out, from: at(s.ir.parent, out.from) };
        if (out.op === 'leave') out = { ...out, from: at(out.child, out.from) };
        items.push({ ...out, id: items.length });
      });
      const names = new Map<string, ItemId>();
      for (const [name, id] of s.names) names.set(name, at(sid, id));
      const vars = s.vars.map((v) => ({ ...v, item: at(sid, v.item), next: at(sid, v.next) }));
      return { ...s.ir, items, vars, names };
    });
    const exports = this.exports.map((e) => ({ ...e, item: at(0, e.item) }));
    return { ...this.program, scopes, exports };
  }
}

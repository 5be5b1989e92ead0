/**
 * Small structural helpers over the scope-tree IR (`ir.ts`), shared by the optimizer,
 * the plan printers and tests.
 *
 * - `itemInputs` / `mapItemInputs`: an item's *local* inputs (items of its own scope).
 *   The cross-scope references of `enter` (parent item) and `leave` (child item) are not
 *   local inputs; `leave` does depend locally on its child's `scope` item, which the
 *   scope ordering guarantees, not an input edge.
 * - `irProblems`: every violated invariant of `ir.ts`, as sentences (empty when sound);
 *   tests run it on every lowered and optimized program.
 */
import type { ItemId, ItemIr, ProgramIr } from './ir.js';
import { isArranged } from './ir.js';

/** The items of the same scope that `item` reads, in operand order. */
export function itemInputs(item: ItemIr): ItemId[] {
  switch (item.op) {
    case 'linear':
    case 'arrange':
    case 'reduce':
    case 'inspect':
      return [item.input];
    case 'concat':
      return [...item.inputs];
    case 'join':
      return [item.left, item.right];
    default:
      return [];
  }
}

/** `item` with each local input replaced by `f(input)` (the same object when none changes). */
export function mapItemInputs(item: ItemIr, f: (id: ItemId) => ItemId): ItemIr {
  switch (item.op) {
    case 'linear':
    case 'arrange':
    case 'reduce':
    case 'inspect': {
      const input = f(item.input);
      return input === item.input ? item : { ...item, input };
    }
    case 'concat': {
      const inputs = item.inputs.map(f);
      return inputs.every((x, i) => x === item.inputs[i]) ? item : { ...item, inputs };
    }
    case 'join': {
      const left = f(item.left);
      const right = f(item.right);
      return left === item.left && right === item.right ? item : { ...item, left, right };
    }
    default:
      return item;
  }
}

/** Every broken invariant of the IR (see `ir.ts`), as a sentence; empty when sound. */
export function irProblems(program: ProgramIr): string[] {
  const out: string[] = [];
  program.scopes.forEach((scope, sid) => {
    const where = (id: ItemId): string => `scope ${sid} item ${id}`;
    if (scope.id !== sid) out.push(`scope ${sid} carries id ${scope.id}`);
    const scopeItemOf = new Map<number, ItemId>();
    scope.items.forEach((item, id) => {
      if (item.id !== id) out.push(`${where(id)} carries id ${item.id}`);
      for (const input of itemInputs(item)) {
        if (!(input < id)) out.push(`${where(id)} reads item ${input}, which is not earlier`);
      }
      if (
        (item.op === 'join' || item.op === 'reduce') &&
        itemInputs(item).some((i) => !isArranged(program, sid, i))
      ) {
        out.push(`${where(id)} (${item.op}) reads an item that is not arranged`);
      }
      if ((item.op === 'input' || item.op === 'import') && sid !== 0)
        out.push(`${where(id)} is an ${item.op} outside the root`);
      if (item.op === 'enter') {
        const parent = scope.parent === null ? undefined : program.scopes[scope.parent];
        const parentScopeItem = parent?.items.findIndex((x) => x.op === 'scope' && x.child === sid) ?? -1;
        if (parent === undefined || !(item.from < parentScopeItem)) {
          out.push(
            `${where(id)} enters parent item ${item.from}, which is not before this scope's \`scope\` item`,
          );
        }
      }
      if (item.op === 'scope') {
        if (program.scopes[item.child]?.parent !== sid)
          out.push(`${where(id)} runs scope ${item.child}, not a child`);
        scopeItemOf.set(item.child, id);
      }
      if (item.op === 'leave') {
        const at = scopeItemOf.get(item.child);
        if (at === undefined) out.push(`${where(id)} leaves scope ${item.child} before its \`scope\` item`);
        if (program.scopes[item.child]?.items[item.from] === undefined)
          out.push(`${where(id)} leaves a missing item`);
      }
    });
    scope.vars.forEach((v, i) => {
      const item = scope.items[v.item];
      if (item?.op !== 'variable' || item.variable !== i)
        out.push(`scope ${sid} var ${v.name} has no variable item`);
      if (scope.items[v.next] === undefined) out.push(`scope ${sid} var ${v.name} is fed by a missing item`);
    });
    for (const [name, id] of scope.names) {
      if (scope.items[id] === undefined) out.push(`scope ${sid} name ${name} points at a missing item`);
    }
  });
  for (const e of program.exports) {
    if (!isArranged(program, 0, e.item)) out.push(`export "${e.name}" is not arranged`);
  }
  return out;
}

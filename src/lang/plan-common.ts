/**
 * Shared vocabulary of the plan printers (`plan-print.ts` text, `plan-json.ts` JSON):
 * a one-line description of each item and who reads an item.
 *
 * References are written `[n]` (same scope), `outer[n]` (item n of the parent scope,
 * named after it) and `child[n]` (item n of child scope `child`).
 */
import type { ItemId, ItemIr, LinearOp, ProgramIr, ScopeId, ScopeIr } from './ir.js';
import { itemInputs } from './ir-util.js';

/** One reader of an item: where it is, and a short text such as `[4] join`. */
export interface Reader {
  readonly scope: ScopeId;
  /** The reading item, or null for a root export. */
  readonly item: ItemId | null;
  /** For an export reader, its name. */
  readonly exportName?: string;
  readonly text: string;
}

/** Every reader of item `id` of scope `sid`: local items, child enters, parent leaves, var feedback, exports. */
export function readersOf(program: ProgramIr, sid: ScopeId, id: ItemId): Reader[] {
  const scope = program.scopes[sid];
  if (scope === undefined) return [];
  const out: Reader[] = [];
  for (const item of scope.items) {
    if (itemInputs(item).includes(id))
      out.push({ scope: sid, item: item.id, text: `[${item.id}] ${opWord(item)}` });
  }
  for (const v of scope.vars) {
    if (v.next === id) out.push({ scope: sid, item: v.item, text: `var ${v.name}` });
  }
  for (const childId of scope.children) {
    const child = program.scopes[childId];
    for (const item of child?.items ?? []) {
      if (item.op === 'enter' && item.from === id) {
        out.push({ scope: childId, item: item.id, text: `${child?.name ?? ''}[${item.id}] enter` });
      }
    }
  }
  const parent = scope.parent === null ? undefined : program.scopes[scope.parent];
  for (const item of parent?.items ?? []) {
    if (item.op === 'leave' && item.child === sid && item.from === id) {
      out.push({
        scope: parent?.id ?? 0,
        item: item.id,
        text: `${parentLabel(program, scope)}[${item.id}] leave`,
      });
    }
  }
  if (sid === 0) {
    for (const e of program.exports) {
      if (e.item === id)
        out.push({ scope: 0, item: null, exportName: e.name, text: `export ${JSON.stringify(e.name)}` });
    }
  }
  return out;
}

/**
 * The `let`/`var` name bound to an item, if any. (An `import` item's `name` field is
 * its trace name — `ItemOp` and `ItemIr` share the field — so it has none.)
 */
export function letName(item: ItemIr): string | undefined {
  return item.op === 'import' ? undefined : item.name;
}

/** The operator word of an item (`join`, `min`, `map`, ...). */
export function opWord(item: ItemIr): string {
  return item.op === 'reduce' ? item.reducer : item.op === 'linear' ? 'map' : item.op;
}

function parentLabel(program: ProgramIr, scope: ScopeIr): string {
  return scope.parent === null ? '' : program.scopes[scope.parent]?.name || 'root';
}

/** The one-line description of an item: operator and operands. */
export function describe(program: ProgramIr, scope: ScopeIr, item: ItemIr): string {
  const parentName = parentLabel(program, scope);
  const childName = (id: number): string => program.scopes[id]?.name ?? `scope${id}`;
  switch (item.op) {
    case 'input':
      return `input ${item.index}`;
    case 'import':
      return `import ${JSON.stringify(item.name)}`;
    case 'enter':
      return `enter ${parentName}[${item.from}]`;
    case 'scope':
      return `scope ${childName(item.child)}`;
    case 'leave':
      return `leave ${childName(item.child)}[${item.from}]`;
    case 'variable': {
      const v = scope.vars[item.variable];
      return v === undefined ? 'variable' : `variable ${v.name} ← [${v.next}]`;
    }
    case 'linear':
      return `map [${item.input}]: ${item.ops.map(linearName).join(' | ')}`;
    case 'concat':
      return `concat ${item.inputs.map((i) => `[${i}]`).join(' ')}`;
    case 'arrange':
      return `arrange [${item.input}]`;
    case 'join':
      return `join [${item.left}] [${item.right}]`;
    case 'reduce':
      return `${item.reducer} [${item.input}]`;
    case 'inspect':
      return `inspect ${JSON.stringify(item.label)} [${item.input}]`;
  }
}

/** The surface name of a linear op (`project` is written `key`). */
export function linearName(op: LinearOp): string {
  return op.k === 'project' ? 'key' : op.k;
}

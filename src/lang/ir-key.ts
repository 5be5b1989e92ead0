/**
 * Structural identity of IR items, for the optimizer's sharing rewrite.
 *
 * `itemKey(item)` is a string that is equal for two items of one scope exactly when
 * they compute the same collection by construction: same op, same inputs (item ids),
 * same parameters, and terms/projections equal as trees — source spans, names and ids
 * are ignored. Items that must stay distinct (`variable`, `scope`) have no key (null).
 * Keys are built by an explicit walk (Ints print with a type tag, so `1` and `1n` and
 * `"1"` can never collide), not by `JSON.stringify`.
 */
import type { ItemIr, LinearOp } from './ir.js';
import type { FieldIr, ProjectionIr, Term } from './term.js';
import { ListValue, VariantValue } from './value.js';
import type { Value } from './value.js';

/** The sharing key of an item, or null when it must never be merged with another. */
export function itemKey(item: ItemIr): string | null {
  switch (item.op) {
    case 'variable':
    case 'scope':
      return null;
    case 'input':
      return `input ${item.index}`;
    case 'import':
      return `import ${JSON.stringify(item.name)}`;
    case 'enter':
      return `enter ${item.from}`;
    case 'leave':
      return `leave ${item.child} ${item.from}`;
    case 'linear':
      return `linear ${item.input} [${item.ops.map(linearKey).join(' ')}]`;
    case 'concat':
      return `concat ${item.inputs.join(' ')}`;
    case 'arrange':
      return `arrange ${item.input}`;
    case 'join':
      return `join ${item.left} ${item.right} ${projectionKey(item.proj)}`;
    case 'reduce':
      return `reduce ${item.input} ${item.reducer}`;
    case 'inspect':
      return `inspect ${item.input} ${JSON.stringify(item.label)}`;
  }
}

function linearKey(op: LinearOp): string {
  switch (op.k) {
    case 'project':
      return `(project ${projectionKey(op.proj)})`;
    case 'filter':
    case 'flatmap':
    case 'enter_at':
      return `(${op.k} ${termKey(op.term)})`;
    case 'negate':
    case 'lift_iter':
      return op.k;
  }
}

function projectionKey(p: ProjectionIr): string {
  return `(${p.key.map(fieldKey).join(' ')} ; ${p.val.map(fieldKey).join(' ')})`;
}

function fieldKey(f: FieldIr): string {
  return f.k === 'splice' ? `$${f.index}*` : termKey(f.term);
}

/** A span-free structural key of a term. */
export function termKey(t: Term): string {
  switch (t.k) {
    case 'const':
      return valueKey(t.value);
    case 'dollar':
      return `$${t.index}`;
    case 'bound':
      return `^${t.depth}`;
    case 'arith':
    case 'compare':
      return `(${t.op} ${termKey(t.left)} ${termKey(t.right)})`;
    case 'and':
    case 'or':
      return `(${t.k} ${termKey(t.left)} ${termKey(t.right)})`;
    case 'not':
    case 'neg':
    case 'len':
      return `(${t.k} ${termKey(t.operand)})`;
    case 'index':
      return `(index ${termKey(t.target)} ${t.index})`;
    case 'tuple':
    case 'list':
    case 'hash':
      return `(${[t.k, ...(t.k === 'hash' ? t.args : t.items).map(termKey)].join(' ')})`;
    case 'inject':
      return `(inject ${termKey(t.tag)} ${termKey(t.payload)})`;
    case 'istag':
      return `(istag ${t.tag} ${termKey(t.operand)})`;
    case 'if':
      return `(if ${termKey(t.cond)} ${termKey(t.then)} ${termKey(t.otherwise)})`;
    case 'case': {
      const arms = t.arms.map((a) => (a === null ? '_' : termKey(a))).join(' ');
      return `(case ${termKey(t.scrutinee)} [${arms}] ${t.fallback === null ? '_' : termKey(t.fallback)})`;
    }
    case 'fold':
      return `(fold ${termKey(t.list)} ${termKey(t.init)} ${termKey(t.step)})`;
  }
}

function valueKey(v: Value): string {
  if (typeof v === 'number' || typeof v === 'bigint') return `i${v}`;
  if (v instanceof VariantValue) return `<${v.tag} ${valueKey(v.payload)}>`;
  if (v instanceof ListValue) return `[${v.items.map(valueKey).join(' ')}]`;
  return `(${v.map(valueKey).join(' ')})`;
}

/**
 * Plans for tools: the scope-tree IR as a stable JSON graph (`planToJson`), which the
 * playground draws and the CLI prints with `--json`.
 *
 * Shape (version 1; only additive changes without a version bump):
 * - `nodes`: one per IR item, plus one per root export. `id` is `"<scope>.<item>"`
 *   (e.g. `"0.3"`) or `"export:<name>"`. `op` uses the playground's `data-operator`
 *   vocabulary — `input`, `import`, `map` (a fused linear chain; `ops` lists its steps),
 *   `concat`, `arrange`, `join`, `min`, `distinct`, `count`, `collect`, `inspect`,
 *   `variable`, `export` — plus the structure nodes `enter`, `leave` and `scope` (a child
 *   scope's place in its parent; `child` names it). `text` is a one-line description,
 *   `name` the `let`/`var` name, `arranged` whether its output is an index, `shared`
 *   whether that index has two or more readers (listed in `readers`).
 * - `edges`: `{from, to, kind}` between node ids: `data` (an input), `enter` (parent item
 *   → enter), `leave` (child item → leave), `feedback` (var body → its variable), and
 *   `export` (root item → export node).
 * - `scopes`: the tree (`parent`, `depth`, `iterates` = has vars, `node` = its `scope`
 *   node in the parent, null for the root).
 * - `span` on nodes and scopes: UTF-16 offsets, plus 1-based `line`/`col`/`endLine`/
 *   `endCol` when `source` is given.
 */
import type { ItemIr, ProgramIr, ScopeId } from './ir.js';
import { isArranged } from './ir.js';
import { itemInputs } from './ir-util.js';
import { describe, letName, linearName, readersOf } from './plan-common.js';
import { LineIndex } from './source.js';
import type { Span } from './source.js';

/** The operator vocabulary of plan nodes (PLAYGROUND.md `data-operator`, plus structure). */
export type PlanOp =
  | 'input'
  | 'import'
  | 'map'
  | 'concat'
  | 'arrange'
  | 'join'
  | 'min'
  | 'distinct'
  | 'count'
  | 'collect'
  | 'inspect'
  | 'variable'
  | 'export'
  | 'enter'
  | 'leave'
  | 'scope';

/** A source range: offsets, and line/col (1-based, end exclusive) when the source was given. */
export interface PlanSpan {
  readonly start: number;
  readonly end: number;
  readonly line?: number;
  readonly col?: number;
  readonly endLine?: number;
  readonly endCol?: number;
}

/** One operator of the plan. */
export interface PlanNode {
  readonly id: string;
  readonly scope: ScopeId;
  /** The IR item id within its scope; null for an export node. */
  readonly item: number | null;
  readonly op: PlanOp;
  readonly text: string;
  readonly name?: string;
  /** For `map`: the fused steps in order (`key`, `filter`, `negate`, `flatmap`, `enter_at`, `lift_iter`). */
  readonly ops?: readonly string[];
  /** For `inspect`: its label; for `export`: the export name; for `import`: the trace name. */
  readonly label?: string;
  /** For `scope` and `leave`: the child scope. */
  readonly child?: ScopeId;
  readonly arranged: boolean;
  readonly shared: boolean;
  /** Node ids of the readers of this node (for arranged nodes, who shares the index). */
  readonly readers: readonly string[];
  readonly span: PlanSpan;
}

/** A dataflow edge between two nodes. */
export interface PlanEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: 'data' | 'enter' | 'leave' | 'feedback' | 'export';
}

/** One scope of the tree. */
export interface PlanScope {
  readonly id: ScopeId;
  readonly name: string;
  readonly parent: ScopeId | null;
  readonly depth: number;
  readonly iterates: boolean;
  readonly node: string | null;
  readonly vars: readonly { readonly name: string; readonly node: string; readonly next: string }[];
  readonly span: PlanSpan;
}

/** The whole plan of one program. */
export interface PlanJson {
  readonly version: 1;
  readonly syntax: ProgramIr['syntax'];
  readonly inputs: readonly number[];
  readonly imports: readonly string[];
  readonly exports: readonly { readonly name: string; readonly node: string }[];
  readonly scopes: readonly PlanScope[];
  readonly nodes: readonly PlanNode[];
  readonly edges: readonly PlanEdge[];
}

/** The node id of item `item` of scope `scope`. */
export function nodeId(scope: ScopeId, item: number): string {
  return `${scope}.${item}`;
}

/** The plan of a program as a JSON-ready graph (see the module header). */
export function planToJson(program: ProgramIr, source?: string): PlanJson {
  const lines = source === undefined ? null : new LineIndex(source);
  const spanOf = (s: Span): PlanSpan => {
    if (lines === null) return { start: s.start, end: s.end };
    const a = lines.position(s.start);
    const b = lines.position(s.end);
    return { start: s.start, end: s.end, line: a.line, col: a.col, endLine: b.line, endCol: b.col };
  };
  const nodes: PlanNode[] = [];
  const edges: PlanEdge[] = [];
  for (const scope of program.scopes) {
    for (const item of scope.items) {
      const id = nodeId(scope.id, item.id);
      const readers = readersOf(program, scope.id, item.id).map((r) =>
        r.item === null ? `export:${r.exportName ?? ''}` : nodeId(r.scope, r.item),
      );
      const arranged = isArranged(program, scope.id, item.id);
      const name = letName(item);
      nodes.push({
        id,
        scope: scope.id,
        item: item.id,
        op: planOp(item),
        text: describe(program, scope, item),
        ...(name === undefined ? {} : { name }),
        ...details(item),
        arranged,
        shared: arranged && readers.length > 1,
        readers,
        span: spanOf(item.span),
      });
      for (const input of itemInputs(item))
        edges.push({ from: nodeId(scope.id, input), to: id, kind: 'data' });
      if (item.op === 'enter' && scope.parent !== null) {
        edges.push({ from: nodeId(scope.parent, item.from), to: id, kind: 'enter' });
      }
      if (item.op === 'leave') edges.push({ from: nodeId(item.child, item.from), to: id, kind: 'leave' });
    }
    for (const v of scope.vars) {
      edges.push({ from: nodeId(scope.id, v.next), to: nodeId(scope.id, v.item), kind: 'feedback' });
    }
  }
  for (const e of program.exports) {
    const id = `export:${e.name}`;
    nodes.push({
      id,
      scope: 0,
      item: null,
      op: 'export',
      text: `export ${JSON.stringify(e.name)}`,
      label: e.name,
      arranged: true,
      shared: false,
      readers: [],
      span: spanOf(e.span),
    });
    edges.push({ from: nodeId(0, e.item), to: id, kind: 'export' });
  }
  const scopeNode = (sid: ScopeId, parent: ScopeId | null): string | null => {
    if (parent === null) return null;
    const item = program.scopes[parent]?.items.find((x) => x.op === 'scope' && x.child === sid);
    return item === undefined ? null : nodeId(parent, item.id);
  };
  return {
    version: 1,
    syntax: program.syntax,
    inputs: program.inputs,
    imports: program.imports.map((i) => i.name),
    exports: program.exports.map((e) => ({ name: e.name, node: `export:${e.name}` })),
    scopes: program.scopes.map((s) => ({
      id: s.id,
      name: s.name,
      parent: s.parent,
      depth: s.depth,
      iterates: s.vars.length > 0,
      node: scopeNode(s.id, s.parent),
      vars: s.vars.map((v) => ({ name: v.name, node: nodeId(s.id, v.item), next: nodeId(s.id, v.next) })),
      span: spanOf(s.span),
    })),
    nodes,
    edges,
  };
}

function planOp(item: ItemIr): PlanOp {
  switch (item.op) {
    case 'linear':
      return 'map';
    case 'reduce':
      return item.reducer;
    default:
      return item.op;
  }
}

function details(item: ItemIr): Partial<Pick<PlanNode, 'ops' | 'label' | 'child'>> {
  switch (item.op) {
    case 'linear':
      return { ops: item.ops.map(linearName) };
    case 'inspect':
      return { label: item.label };
    case 'import':
      return { label: item.name };
    case 'scope':
    case 'leave':
      return { child: item.child };
    default:
      return {};
  }
}

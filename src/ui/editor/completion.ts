/**
 * Completion for DDIR programs, as plain data: what to offer at an offset.
 *
 * `completionsAt(text, offset, options)` reads the cursor's context (`context.ts`) and
 * offers statement keywords at a statement's start, operators after `|`, collection
 * names in scope (from an `Outline`, normally the last one that parsed cleanly) plus
 * `child::field` reads, builtins and constructors in terms, and published trace names
 * (plus the generated sources) inside `import "…"`. Items carry their replace range as
 * UTF-16 offsets; `insertText` may be a snippet (`$1` placeholders) when `snippet` is
 * set. Pure: the Monaco adapter (`providers.ts`) only translates the result.
 */
import type { Syntax } from '../../lang/ast.js';
import { BUILTIN_NAMES } from '../../lang/lower-term.js';
import { fieldsOf, resolveName, visibleCollections } from '../../lang/scopes.js';
import type { Span } from '../../lang/source.js';
import { cursorContext } from './context.js';
import { BUILTIN_DOCS, docFor, docMarkdown, KEYWORD_DOCS, OPERATOR_DOCS } from './docs.js';
import type { DocEntry } from './docs.js';
import { bindingCode, outlineOf, scopeAt } from './outline.js';
import type { Outline } from './outline.js';

/** What kind of thing an item is (the adapter picks an icon from it). */
export type CompletionKind =
  'keyword' | 'operator' | 'function' | 'constructor' | 'variable' | 'scope' | 'trace' | 'command' | 'option';

/** One thing the user may pick. */
export interface CompletionItem {
  readonly label: string;
  readonly kind: CompletionKind;
  readonly insertText: string;
  /** True when `insertText` holds snippet placeholders (`$1`, `${1:name}`). */
  readonly snippet: boolean;
  /** A short right-hand note. */
  readonly detail: string;
  /** Markdown shown beside the list. */
  readonly documentation?: string;
  /** The text the item replaces. */
  readonly range: Span;
}

/** What completion knows beyond the text. */
export interface CompletionOptions {
  readonly syntax: Syntax;
  /** Published trace names, offered inside `import "…"`. */
  readonly traces?: readonly string[];
  /** The names to offer; defaults to the outline of `text` itself. */
  readonly outline?: Outline;
}

// Snippets for the pipe-syntax operators (plain words need none).
const PIPE_SNIPPETS: Readonly<Record<string, string>> = {
  key: 'key($1)',
  map: 'map($1)',
  join: 'join(${1:other}, ($2))',
  filter: 'filter($1)',
  flatmap: 'flatmap($1)',
  inspect: 'inspect(${1:label})',
  enter_at: 'enter_at($1)',
};

// The `.ddir` calls that build a collection, with their snippets.
const APPLICATIVE_SNIPPETS: Readonly<Record<string, string>> = {
  INPUT: 'INPUT ${1:0}',
  IMPORT: 'IMPORT "$1"',
  MAP: 'MAP($1, ($2))',
  JOIN: 'JOIN($1, $2, ($3))',
  REDUCE: 'REDUCE($1, ${2|DISTINCT,MIN,COUNT,COLLECT|})',
  FILTER: 'FILTER($1, $2)',
  FLATMAP: 'FLATMAP($1, $2)',
  NEGATE: 'NEGATE($1)',
  CONCAT: 'CONCAT($1)',
  ARRANGE: 'ARRANGE($1)',
  INSPECT: 'INSPECT($1, ${2:label})',
  ENTER_AT: 'ENTER_AT($1, $2)',
  LIFT_ITER: 'LIFT_ITER($1)',
};

/** Generated sources `import` accepts without a producer (SERVER.md). */
const GENERATED_SOURCES: readonly { label: string; insertText: string; detail: string }[] = [
  { label: 'clock', insertText: 'clock', detail: 'generated: the current epoch' },
  { label: 'iota:N', insertText: 'iota:${1:10}', detail: 'generated: rows 0..N-1' },
  {
    label: 'random:nodes=N,edges=E',
    insertText: 'random:nodes=${1:100},edges=${2:300}',
    detail: 'generated: a random graph',
  },
];

function docItem(
  label: string,
  kind: CompletionKind,
  entry: DocEntry | null | undefined,
  syntax: Syntax,
  range: Span,
  insertText = label,
): CompletionItem {
  const snippet = insertText !== label;
  const base = { label, kind, insertText, snippet, range };
  if (entry === null || entry === undefined) return { ...base, detail: kind };
  const form = (syntax === 'ddir' ? entry.ddir : entry.ddp) ?? label;
  return { ...base, detail: form, documentation: docMarkdown(entry, syntax) };
}

function statementItems(syntax: Syntax, range: Span): CompletionItem[] {
  const words = syntax === 'ddp' ? ['let', 'var', 'export', 'con'] : ['let', 'var', 'export'];
  return words.map((w) => docItem(w, 'keyword', KEYWORD_DOCS[w], syntax, range, `${w} `));
}

function collectionItems(outline: Outline, offset: number, syntax: Syntax, range: Span): CompletionItem[] {
  const scope = scopeAt(outline, offset);
  const items: CompletionItem[] = [];
  for (const name of visibleCollections(scope)) {
    const binding = resolveName(scope, name);
    // A `let` cannot read itself (that is a cycle); a `var` can.
    if (binding?.kind === 'let' && binding.stmt.span.start <= offset && offset <= binding.stmt.span.end)
      continue;
    const detail = binding === null ? name : bindingCode(binding, syntax);
    items.push({ label: name, kind: 'variable', insertText: name, snippet: false, detail, range });
  }
  for (const child of scope.children) {
    for (const field of fieldsOf(child)) {
      const label = `${child.name}::${field}`;
      items.push({
        label,
        kind: 'scope',
        insertText: label,
        snippet: false,
        detail: `a field of scope ${child.name}`,
        range,
      });
    }
  }
  if (syntax === 'ddp') {
    items.push(docItem('input', 'keyword', KEYWORD_DOCS['input'], syntax, range, 'input ${1:0}'));
    items.push(docItem('import', 'keyword', KEYWORD_DOCS['import'], syntax, range, 'import "$1"'));
  } else {
    for (const [word, snippet] of Object.entries(APPLICATIVE_SNIPPETS)) {
      items.push(docItem(word, 'operator', docFor(word, syntax), syntax, range, snippet));
    }
  }
  return items;
}

function termItems(outline: Outline, syntax: Syntax, range: Span): CompletionItem[] {
  const items = BUILTIN_NAMES.filter((name) => syntax === 'ddir' || name !== 'case').map((name) =>
    docItem(name, 'function', BUILTIN_DOCS[name], syntax, range, `${name}($1)`),
  );
  if (syntax === 'ddp') {
    items.push(
      docItem('case', 'keyword', KEYWORD_DOCS['case'], syntax, range, 'case ${1:scrutinee} {\n\t$0\n}'),
    );
  }
  for (const con of outline.tree.cons.values()) {
    const args = Array.from({ length: con.arity }, (_, i) => `\${${i + 1}}`).join(', ');
    items.push({
      label: con.name,
      kind: 'constructor',
      insertText: `${con.name}(${args})`,
      snippet: true,
      detail: `con ${con.name}(${con.arity}) = ${con.tag};`,
      range,
    });
  }
  return items;
}

/** The completions at `offset` of a program text (see the module header). */
export function completionsAt(text: string, offset: number, options: CompletionOptions): CompletionItem[] {
  const { syntax } = options;
  const ctx = cursorContext(text, offset, syntax);
  const outline = (): Outline => options.outline ?? outlineOf(text, syntax);
  const { range } = ctx;
  switch (ctx.kind) {
    case 'none':
      return [];
    case 'statement':
      return statementItems(syntax, range);
    case 'operator':
      return Object.keys(OPERATOR_DOCS).map((op) =>
        docItem(op, 'operator', OPERATOR_DOCS[op], syntax, range, PIPE_SNIPPETS[op] ?? op),
      );
    case 'collection':
      return collectionItems(outline(), offset, syntax, range);
    case 'field': {
      const child = scopeAt(outline(), offset).children.find((c) => c.name === ctx.scope);
      if (child === undefined) return [];
      return fieldsOf(child).map((field) => {
        const binding = child.bindings.get(field);
        const detail = binding === undefined ? field : bindingCode(binding, syntax);
        return { label: field, kind: 'variable', insertText: field, snippet: false, detail, range };
      });
    }
    case 'term':
      return termItems(outline(), syntax, range);
    case 'pattern': {
      const cons = [...outline().tree.cons.values()].map((con): CompletionItem => {
        const names = Array.from({ length: con.arity }, (_, i) => `\${${i + 1}:x${i}}`).join(', ');
        return {
          label: con.name,
          kind: 'constructor',
          insertText: `${con.name}(${names}) => `,
          snippet: true,
          detail: `con ${con.name}(${con.arity}) = ${con.tag};`,
          range,
        };
      });
      return [...cons, docItem('_', 'keyword', KEYWORD_DOCS['_'], syntax, range, '_ => ')];
    }
    case 'reducer':
      return ['MIN', 'DISTINCT', 'COUNT', 'COLLECT'].map((w) =>
        docItem(w, 'operator', docFor(w, syntax), syntax, range),
      );
    case 'trace': {
      const traces = (options.traces ?? []).map((name): CompletionItem => ({
        label: name,
        kind: 'trace',
        insertText: name,
        snippet: false,
        detail: 'published trace',
        range,
      }));
      const generated = GENERATED_SOURCES.map((g): CompletionItem => ({
        ...g,
        kind: 'trace',
        snippet: g.insertText !== g.label,
        range,
      }));
      return [...traces, ...generated];
    }
  }
}

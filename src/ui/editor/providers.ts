/**
 * Registers the editor's languages with Monaco, once per page: the `ddp`, `ddir` and
 * `ddir-session` ids with their tokenizers and configurations (`grammar.ts`), and
 * hover and completion providers that translate the pure answers of `hover.ts`,
 * `completion.ts` and `session.ts` into Monaco's shapes (offsets ↔ positions).
 *
 * Per-model facts the providers need (the published trace names of the editor showing
 * the model) come from `attachModelInfo`. Outlines are cached per model version; for
 * completion, a text that does not parse falls back to the last outline that did, so
 * names stay offered while a statement is half typed.
 */
import type { editor, IDisposable, IRange, languages } from 'monaco-editor/editor';
import type { Syntax } from '../../lang/ast.js';
import type { CompletionItem, CompletionKind } from './completion.js';
import { completionsAt } from './completion.js';
import type { CursorKind } from './context.js';
import { cursorContext } from './context.js';
import {
  DDIR_MONARCH,
  DDP_MONARCH,
  LANGUAGE_IDS,
  PROGRAM_CONFIGURATION,
  SESSION_CONFIGURATION,
  SESSION_MONARCH,
} from './grammar.js';
import type { LanguageId } from './grammar.js';
import { hoverAt } from './hover.js';
import { monaco } from './monaco.js';
import { outlineOf } from './outline.js';
import type { Outline } from './outline.js';
import { sessionCompletionsAt, sessionHoverAt } from './session.js';

/** What the providers know about a model beyond its text. */
export interface ModelInfo {
  /** Published trace names (for `import "…"` and `peek`). */
  readonly traces: () => readonly string[];
}

const infos = new Map<string, ModelInfo>();

/** Tells the providers about a model; dispose to forget it. */
export function attachModelInfo(model: editor.ITextModel, info: ModelInfo): IDisposable {
  const key = model.uri.toString();
  infos.set(key, info);
  return {
    dispose: () => {
      if (infos.get(key) === info) infos.delete(key);
    },
  };
}

/** The program syntax of a language id, or null for session scripts. */
export function syntaxOfLanguage(id: string): Syntax | null {
  if (id === LANGUAGE_IDS.ddp) return 'ddp';
  if (id === LANGUAGE_IDS.ddir) return 'ddir';
  return null;
}

type Cached = { version: number; current: Outline; lastGood: Outline | null };
const outlines = new WeakMap<editor.ITextModel, Cached>();

// The model's outline now, and the last one that parsed cleanly.
function outlinesOf(model: editor.ITextModel, syntax: Syntax): Cached {
  const version = model.getVersionId();
  const cached = outlines.get(model);
  if (cached !== undefined && cached.version === version && cached.current.syntax === syntax) return cached;
  const current = outlineOf(model.getValue(), syntax);
  const lastGood = current.parseOk ? current : cached?.current.syntax === syntax ? cached.lastGood : null;
  const fresh = { version, current, lastGood };
  outlines.set(model, fresh);
  return fresh;
}

function rangeOf(model: editor.ITextModel, start: number, end: number): IRange {
  const from = model.getPositionAt(start);
  const to = model.getPositionAt(end);
  return {
    startLineNumber: from.lineNumber,
    startColumn: from.column,
    endLineNumber: to.lineNumber,
    endColumn: to.column,
  };
}

const KINDS: Readonly<Record<CompletionKind, languages.CompletionItemKind>> = {
  keyword: monaco.languages.CompletionItemKind.Keyword,
  operator: monaco.languages.CompletionItemKind.Operator,
  function: monaco.languages.CompletionItemKind.Function,
  constructor: monaco.languages.CompletionItemKind.Constructor,
  variable: monaco.languages.CompletionItemKind.Variable,
  scope: monaco.languages.CompletionItemKind.Module,
  trace: monaco.languages.CompletionItemKind.Reference,
  command: monaco.languages.CompletionItemKind.Keyword,
  option: monaco.languages.CompletionItemKind.Property,
};

function toMonaco(model: editor.ITextModel, items: readonly CompletionItem[]): languages.CompletionList {
  const suggestions = items.map((item, index): languages.CompletionItem => ({
    label: item.label,
    kind: KINDS[item.kind],
    insertText: item.insertText,
    ...(item.snippet
      ? { insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet }
      : {}),
    detail: item.detail,
    ...(item.documentation === undefined ? {} : { documentation: { value: item.documentation } }),
    range: rangeOf(model, item.range.start, item.range.end),
    // Keep the order the pure layer chose (names in scope innermost first).
    sortText: String(index).padStart(4, '0'),
  }));
  return { suggestions };
}

// Which contexts a trigger character may open (typing a space should not pop up keywords).
const TRIGGERED: Readonly<Record<string, readonly CursorKind[]>> = {
  '|': ['operator'],
  ' ': ['operator', 'collection'],
  ':': ['field'],
  '"': ['trace'],
};

function programProviders(id: LanguageId, syntax: Syntax): void {
  monaco.languages.registerCompletionItemProvider(id, {
    triggerCharacters: Object.keys(TRIGGERED),
    provideCompletionItems(model, position, context) {
      const text = model.getValue();
      const offset = model.getOffsetAt(position);
      const trigger = context.triggerCharacter;
      if (trigger !== undefined) {
        const allowed = TRIGGERED[trigger] ?? [];
        if (!allowed.includes(cursorContext(text, offset, syntax).kind)) return { suggestions: [] };
      }
      const { current, lastGood } = outlinesOf(model, syntax);
      const traces = infos.get(model.uri.toString())?.traces() ?? [];
      const outline = current.parseOk ? current : (lastGood ?? current);
      return toMonaco(model, completionsAt(text, offset, { syntax, traces, outline }));
    },
  });
  monaco.languages.registerHoverProvider(id, {
    provideHover(model, position) {
      const hover = hoverAt(
        model.getValue(),
        model.getOffsetAt(position),
        syntax,
        outlinesOf(model, syntax).current,
      );
      if (hover === null) return null;
      return {
        range: rangeOf(model, hover.range.start, hover.range.end),
        contents: [{ value: hover.markdown }],
      };
    },
  });
}

function sessionProviders(): void {
  const id = LANGUAGE_IDS.session;
  monaco.languages.registerCompletionItemProvider(id, {
    triggerCharacters: [' '],
    provideCompletionItems(model, position) {
      const traces = infos.get(model.uri.toString())?.traces() ?? [];
      return toMonaco(model, sessionCompletionsAt(model.getValue(), model.getOffsetAt(position), traces));
    },
  });
  monaco.languages.registerHoverProvider(id, {
    provideHover(model, position) {
      const hover = sessionHoverAt(model.getValue(), model.getOffsetAt(position));
      if (hover === null) return null;
      return {
        range: rangeOf(model, hover.range.start, hover.range.end),
        contents: [{ value: hover.markdown }],
      };
    },
  });
}

let registered = false;

/** Registers the three languages and their providers (idempotent). */
export function registerLanguages(): void {
  if (registered) return;
  registered = true;
  const { ddp, ddir, session } = LANGUAGE_IDS;
  monaco.languages.register({ id: ddp, extensions: ['.ddp'], aliases: ['DDIR (pipe syntax)'] });
  monaco.languages.register({ id: ddir, extensions: ['.ddir'], aliases: ['DDIR (applicative syntax)'] });
  monaco.languages.register({ id: session, extensions: ['.txt'], aliases: ['DDIR session script'] });
  monaco.languages.setMonarchTokensProvider(ddp, DDP_MONARCH);
  monaco.languages.setMonarchTokensProvider(ddir, DDIR_MONARCH);
  monaco.languages.setMonarchTokensProvider(session, SESSION_MONARCH);
  monaco.languages.setLanguageConfiguration(ddp, PROGRAM_CONFIGURATION);
  monaco.languages.setLanguageConfiguration(ddir, PROGRAM_CONFIGURATION);
  monaco.languages.setLanguageConfiguration(session, SESSION_CONFIGURATION);
  programProviders(ddp, 'ddp');
  programProviders(ddir, 'ddir');
  sessionProviders();
}

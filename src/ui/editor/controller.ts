/**
 * One Monaco editor and its models, without React: the engine room of `CodeEditor`.
 *
 * `new EditorController(host, hooks, options)` creates the editor in `host`. `show(fileName,
 * text)` displays that file — one model per file name, so each keeps its undo history
 * and cursor — replacing the model's text (as one undoable edit) when it differs.
 * Program files are checked in the checker worker 200 ms after the last change (at once
 * when opened); a report becomes Monaco markers only if it is about the model's current
 * version, and is passed to `hooks.onDiagnostics` while that file is shown. Ctrl/Cmd+Enter
 * calls `hooks.onRun`; "Format" (Shift+Alt+F) applies `formatEdit`, and does nothing when
 * the file has errors. `dispose()` frees the editor, the models and their checkers.
 */
import type { editor, IDisposable } from 'monaco-editor/editor';
import { openChecker } from './check-client.js';
import type { Checker } from './check-client.js';
import type { CheckReport, EditorDiagnostic } from './check-protocol.js';
import { formatEdit } from './format-edit.js';
import { languageOf } from './grammar.js';
import { monaco } from './monaco.js';
import { attachModelInfo, registerLanguages, syntaxOfLanguage } from './providers.js';
import { followSystemTheme } from './theme.js';

/** How long the checker waits after the last keystroke. */
export const CHECK_DELAY_MS = 200;

/** What the controller tells its owner, and asks it. */
export interface EditorHooks {
  onChange(text: string): void;
  onRun(): void;
  onDiagnostics(diagnostics: readonly EditorDiagnostic[], plan: string | null): void;
  traces(): readonly string[];
}

interface Entry {
  readonly fileName: string;
  readonly model: editor.ITextModel;
  checker: Checker | null;
  readonly disposables: IDisposable[];
  timer: ReturnType<typeof setTimeout> | undefined;
  report: CheckReport;
}

const EMPTY: CheckReport = { diagnostics: [], plan: null };
const MARKER_OWNER = 'ddir';
let nextEditor = 1;

export class EditorController {
  private readonly editor: editor.IStandaloneCodeEditor;
  private readonly entries = new Map<string, Entry>();
  private readonly id = nextEditor++;
  private current: Entry | null = null;
  private lineHighlight: editor.IEditorDecorationsCollection | null = null;
  // True while the controller itself writes a model (not a user edit).
  private writing = false;

  constructor(
    host: HTMLElement,
    private readonly hooks: EditorHooks,
    options: { readonly ariaLabel: string; readonly describedBy?: string },
  ) {
    registerLanguages();
    followSystemTheme();
    this.editor = monaco.editor.create(host, {
      model: null,
      ariaLabel: options.ariaLabel,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 14,
      lineNumbersMinChars: 3,
      scrollBeyondLastLine: false,
      tabSize: 4,
      insertSpaces: true,
      fixedOverflowWidgets: true,
      wordBasedSuggestions: 'off',
      quickSuggestions: { other: true, comments: false, strings: true },
      suggest: { showWords: false },
      renderLineHighlight: 'line',
      padding: { top: 8 },
    });
    // Monaco (re)creates its input element with a model; describe it each time it may be new.
    const describe = (): void => {
      const input = host.querySelector('textarea, [role="textbox"]');
      if (options.describedBy !== undefined) input?.setAttribute('aria-describedby', options.describedBy);
    };
    this.editor.onDidChangeModel(describe);
    this.editor.onDidFocusEditorText(describe);
    this.editor.addAction({
      id: 'ddir.run',
      label: 'Run',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
      contextMenuGroupId: 'navigation',
      run: () => this.hooks.onRun(),
    });
    this.editor.addAction({
      id: 'ddir.format',
      label: 'Format',
      keybindings: [monaco.KeyMod.Shift | monaco.KeyMod.Alt | monaco.KeyCode.KeyF],
      contextMenuGroupId: '1_modification',
      run: () => this.format(),
    });
  }

  /** Shows `fileName` with `text` (see the module header). */
  show(fileName: string, text: string): void {
    let entry = this.entries.get(fileName);
    if (entry === undefined) {
      entry = this.open(fileName, text);
    } else if (entry.model.getValue() !== text) {
      this.replace(entry.model, text);
    }
    if (this.current !== entry) {
      this.current = entry;
      this.editor.setModel(entry.model);
      this.hooks.onDiagnostics(entry.report.diagnostics, entry.report.plan);
    }
  }

  /** Renames the editor for assistive technology (e.g. after switching files). */
  setAriaLabel(label: string): void {
    this.editor.updateOptions({ ariaLabel: label });
  }

  /** Highlights one line (1-based) of the shown file and scrolls it into view; null clears it. */
  highlightLine(line: number | null): void {
    this.lineHighlight ??= this.editor.createDecorationsCollection();
    if (line === null) return this.lineHighlight.clear();
    this.lineHighlight.set([
      {
        range: new monaco.Range(line, 1, line, 1),
        options: {
          isWholeLine: true,
          className: 'ddir-step-line',
          linesDecorationsClassName: 'ddir-step-gutter',
        },
      },
    ]);
    this.editor.revealLineInCenterIfOutsideViewport(line);
  }

  /** Puts the cursor at (line, col) of the shown file, scrolls there and focuses the editor. */
  revealAt(line: number, col: number): void {
    this.editor.setPosition({ lineNumber: line, column: col });
    this.editor.revealPositionInCenterIfOutsideViewport({ lineNumber: line, column: col });
    this.editor.focus();
  }

  /** Moves the keyboard focus into the editor. */
  focus(): void {
    this.editor.focus();
  }

  /** The underlying Monaco editor (for owners that need more). */
  get monacoEditor(): editor.IStandaloneCodeEditor {
    return this.editor;
  }

  dispose(): void {
    for (const entry of this.entries.values()) this.close(entry);
    this.entries.clear();
    this.current = null;
    this.editor.dispose();
  }

  private open(fileName: string, text: string): Entry {
    const language = languageOf(fileName);
    const uri = monaco.Uri.from({ scheme: 'ddir', path: `/${this.id}/${fileName}` });
    const model = monaco.editor.createModel(text, language, uri);
    // The DDIR token colours carry the meaning; rainbow brackets would compete with them.
    model.updateOptions({
      bracketColorizationOptions: { enabled: false, independentColorPoolPerBracketType: false },
    });
    const program = syntaxOfLanguage(language) !== null;
    const entry: Entry = {
      fileName,
      model,
      checker: null,
      disposables: [],
      timer: undefined,
      report: EMPTY,
    };
    if (program) entry.checker = openChecker((version, report) => this.receive(entry, version, report));
    entry.disposables.push(
      attachModelInfo(model, { traces: () => this.hooks.traces() }),
      model.onDidChangeContent(() => {
        if (!this.writing && this.current === entry) this.hooks.onChange(model.getValue());
        this.schedule(entry, CHECK_DELAY_MS);
      }),
    );
    this.entries.set(fileName, entry);
    this.schedule(entry, 0);
    return entry;
  }

  private close(entry: Entry): void {
    clearTimeout(entry.timer);
    entry.checker?.close();
    for (const d of entry.disposables) d.dispose();
    entry.model.dispose();
  }

  private replace(model: editor.ITextModel, text: string): void {
    this.writing = true;
    try {
      model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null);
    } finally {
      this.writing = false;
    }
  }

  private schedule(entry: Entry, delay: number): void {
    const { checker, model, fileName } = entry;
    if (checker === null) return;
    clearTimeout(entry.timer);
    entry.timer = setTimeout(() => {
      if (!model.isDisposed()) checker.check(model.getValue(), fileName, model.getVersionId());
    }, delay);
  }

  private receive(entry: Entry, version: number, report: CheckReport): void {
    const { model } = entry;
    // A report about an older text is stale: a newer check is already on its way.
    if (model.isDisposed() || version !== model.getVersionId()) return;
    entry.report = report;
    monaco.editor.setModelMarkers(
      model,
      MARKER_OWNER,
      report.diagnostics.map((d) => {
        const from = model.getPositionAt(d.start);
        const to = model.getPositionAt(d.end);
        return {
          severity: d.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
          message: d.message,
          code: d.code,
          source: 'ddir',
          startLineNumber: from.lineNumber,
          startColumn: from.column,
          endLineNumber: to.lineNumber,
          endColumn: to.column,
        };
      }),
    );
    if (this.current === entry) this.hooks.onDiagnostics(report.diagnostics, report.plan);
  }

  private format(): void {
    const model = this.editor.getModel();
    const syntax = model === null ? null : syntaxOfLanguage(model.getLanguageId());
    if (model === null || syntax === null) return;
    const edit = formatEdit(model.getValue(), syntax);
    if (edit === null) return;
    const from = model.getPositionAt(edit.start);
    const to = model.getPositionAt(edit.end);
    this.editor.pushUndoStop();
    this.editor.executeEdits('ddir.format', [
      { range: new monaco.Range(from.lineNumber, from.column, to.lineNumber, to.column), text: edit.text },
    ]);
    this.editor.pushUndoStop();
  }
}

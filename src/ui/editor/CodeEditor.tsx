/**
 * `CodeEditor`: the playground's Monaco editor as a React component.
 *
 * Shows `value` as file `fileName` (`.ddp` pipe syntax, `.ddir` applicative syntax,
 * `.txt` session script) and reports every edit through `onChange`. Program files are
 * checked off the main thread; each verdict on the current text reaches
 * `onDiagnostics(diagnostics, plan)` and shows as markers. Completion offers `traces`
 * inside `import "…"`; Ctrl/Cmd+Enter calls `onRun`. A visible hint under the editor
 * (also its accessible description) says how to leave it with the keyboard.
 *
 * Monaco is loaded on demand (its own chunk, most of the page's JavaScript), so the rest
 * of the page renders at once; until it arrives the text shows read-only. With `load`
 * false it is not even fetched yet: the page can keep it from competing with more urgent
 * work (the first results) and let it load once `load` turns true.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { EditorDiagnostic } from './check-protocol.js';
import type { EditorController } from './controller.js';

/** The props of `CodeEditor`. */
export interface CodeEditorProps {
  /** The file's text; a change from outside replaces the text as one undoable edit. */
  readonly value: string;
  /** Called with the whole text after every edit the user makes. */
  readonly onChange: (value: string) => void;
  /** Picks the language and names the model; switching it keeps each file's undo history. */
  readonly fileName: string;
  /** Published trace names, offered after `import "` and `peek `. */
  readonly traces?: readonly string[];
  /** Ctrl/Cmd+Enter (and the context menu's "Run"). */
  readonly onRun?: () => void;
  /** The checker's verdict on the current text (empty for session scripts). */
  readonly onDiagnostics?: (diagnostics: readonly EditorDiagnostic[], plan: string | null) => void;
  /** A line (1-based) to highlight, e.g. the script line Step ran; null for none. */
  readonly highlightLine?: number | null;
  /** Moves the cursor there (and focuses the editor) whenever `seq` changes. */
  readonly reveal?: { readonly line: number; readonly col: number; readonly seq: number } | null;
  /** The editor's accessible name; defaults to `fileName`. */
  readonly ariaLabel?: string;
  readonly className?: string;
  /** False defers loading Monaco until it turns true (once true, the editor stays). */
  readonly load?: boolean;
}

const NO_TRACES: readonly string[] = [];

/** A Monaco editor for DDIR programs and session scripts (see the module header). */
export function CodeEditor(props: CodeEditorProps) {
  const {
    value,
    fileName,
    ariaLabel = fileName,
    className,
    highlightLine = null,
    reveal = null,
    load = true,
  } = props;
  const host = useRef<HTMLDivElement>(null);
  const controller = useRef<EditorController | null>(null);
  const latest = useRef(props);
  const hintId = useId();

  // The controller calls back through `latest`, so new callbacks need no re-creation.
  useLayoutEffect(() => {
    latest.current = props;
  });

  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');
  // `load` latches: once the editor was asked for, it is created once and kept.
  const [wanted, setWanted] = useState(load);
  if (load && !wanted) setWanted(true);

  useEffect(() => {
    if (!wanted) return undefined;
    let live = true;
    let created: EditorController | null = null;
    import('./controller.js').then(
      ({ EditorController }) => {
        const element = host.current;
        if (!live || element === null) return;
        created = new EditorController(
          element,
          {
            onChange: (text) => latest.current.onChange(text),
            onRun: () => latest.current.onRun?.(),
            onDiagnostics: (diagnostics, plan) => latest.current.onDiagnostics?.(diagnostics, plan),
            traces: () => latest.current.traces ?? NO_TRACES,
          },
          { ariaLabel, describedBy: hintId },
        );
        controller.current = created;
        created.show(latest.current.fileName, latest.current.value);
        created.highlightLine(latest.current.highlightLine ?? null);
        const first = latest.current.reveal;
        if (first) created.revealAt(first.line, first.col);
        setState('ready');
      },
      (error: unknown) => {
        console.error('The code editor failed to load', error);
        if (live) setState('failed');
      },
    );
    return () => {
      live = false;
      controller.current = null;
      created?.dispose();
    };
    // The editor is created once; later label changes are not worth a new editor.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [wanted]);

  useEffect(() => {
    controller.current?.show(fileName, value);
  }, [fileName, value]);

  useEffect(() => {
    controller.current?.setAriaLabel(ariaLabel);
  }, [ariaLabel, state]);

  useEffect(() => {
    controller.current?.highlightLine(highlightLine);
  }, [fileName, highlightLine, state]);

  const revealSeq = reveal?.seq;
  useEffect(() => {
    const at = latest.current.reveal;
    if (at) controller.current?.revealAt(at.line, at.col);
  }, [fileName, revealSeq]);

  return (
    <div className={className === undefined ? 'code-editor' : `code-editor ${className}`}>
      <div className="code-editor-frame">
        <div ref={host} className="code-editor-host" />
        {state !== 'ready' && (
          <pre className="code-editor-fallback" aria-busy={state === 'loading'}>
            {state === 'failed' ? 'The editor could not load; reload the page to try again.\n\n' : ''}
            {value}
          </pre>
        )}
      </div>
      <p id={hintId} className="code-editor-hint">
        <kbd>Ctrl</kbd>/<kbd>⌘</kbd>+<kbd>Enter</kbd> runs · <kbd>Shift</kbd>+<kbd>Alt</kbd>+<kbd>F</kbd>{' '}
        formats · <kbd>Ctrl</kbd>+<kbd>M</kbd> (Mac: <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>M</kbd>) lets{' '}
        <kbd>Tab</kbd> leave the editor
      </p>
    </div>
  );
}

/**
 * The editor pane: the active file in the Monaco editor (named after the file), the
 * checker's verdict below it (`diagnostic-summary` and the `Diagnostics` list, each
 * entry a link to its place), the script line Step ran highlighted, and Ctrl/Cmd+Enter
 * running the session script. Monaco loads once the first load is done (the text shows
 * read-only until then), so it never delays the first results.
 */
import { useCallback, useState } from 'react';
import { CodeEditor } from '../editor/index.js';
import { usePlayground, usePlaygroundState } from '../app/context.js';
import { useFirstLoadDone } from '../app/first-load.js';
import { editFile } from '../state/files.js';
import type { EditorDiagnostic } from '../editor/index.js';

/** The editor and its diagnostics (see the module header). */
export function EditorPane() {
  const playground = usePlayground();
  const { store } = playground;
  const active = usePlaygroundState((s) => s.active);
  const text = usePlaygroundState((s) => s.files[s.active] ?? '');
  const highlight = usePlaygroundState((s) => (s.highlight?.file === s.active ? s.highlight.line : null));
  const reveal = usePlaygroundState((s) => (s.reveal?.file === s.active ? s.reveal : null));
  const list = usePlaygroundState((s) => s.list);
  const loadEditor = useFirstLoadDone();
  const [verdict, setVerdict] = useState<{ file: string; diagnostics: readonly EditorDiagnostic[] } | null>(
    null,
  );

  const onChange = useCallback(
    (value: string) => store.setState((s) => editFile(s, s.active, value)),
    [store],
  );
  const onDiagnostics = useCallback(
    (diagnostics: readonly EditorDiagnostic[]) => setVerdict({ file: store.getState().active, diagnostics }),
    [store],
  );
  const onRun = useCallback(() => void playground.runScript(), [playground]);
  const traces = list?.traces.map((t) => t.name) ?? [];

  const diagnostics = verdict?.file === active ? verdict.diagnostics : [];
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const program = !active.endsWith('.txt');
  const summary =
    verdict?.file !== active && program
      ? 'Checking…'
      : errors === 0
        ? program
          ? 'No errors'
          : 'Session script'
        : `${errors} error${errors === 1 ? '' : 's'}`;

  return (
    <div className="editor-pane">
      <CodeEditor
        value={text}
        onChange={onChange}
        fileName={active}
        traces={traces}
        onRun={onRun}
        onDiagnostics={onDiagnostics}
        highlightLine={highlight}
        reveal={reveal}
        load={loadEditor}
      />
      <div className="diagnostics-strip">
        <h2
          className={`diagnostic-summary ${errors > 0 ? 'has-errors' : ''}`}
          data-testid="diagnostic-summary"
        >
          {summary}
        </h2>
        <ul className="diagnostics" aria-label="Diagnostics" aria-live="polite">
          {diagnostics.map((d, index) => (
            <li key={index} className={`diagnostic ${d.severity}`}>
              <button
                type="button"
                className="link where"
                onClick={() => playground.openAt(active, d.line, d.col)}
              >
                {d.line}:{d.col}
              </button>{' '}
              {d.message}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/**
 * The first playground page: write a DDIR program and see, as you type, what the
 * checker says about it and the optimized plan it lowers to. (The console, traces and
 * worker pool arrive with the playground issue.)
 */
import { useCallback, useState } from 'react';
import { CodeEditor } from './editor/index.js';
import type { EditorDiagnostic } from './editor/index.js';
import { SAMPLE_PROGRAM } from './sample.js';

interface Verdict {
  readonly diagnostics: readonly EditorDiagnostic[];
  readonly plan: string | null;
}

export function App() {
  const [text, setText] = useState(SAMPLE_PROGRAM);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [runs, setRuns] = useState(0);
  const onDiagnostics = useCallback(
    (diagnostics: readonly EditorDiagnostic[], plan: string | null) => setVerdict({ diagnostics, plan }),
    [],
  );
  const onRun = useCallback(() => setRuns((n) => n + 1), []);
  const diagnostics = verdict?.diagnostics ?? [];
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const summary =
    verdict === null ? 'Checking…' : errors === 0 ? 'No errors' : `${errors} error${errors === 1 ? '' : 's'}`;

  return (
    <div className="app">
      <header className="app-header">
        <h1>DDIR Playground</h1>
        <p>Write a differential dataflow program; the checker and the optimizer answer as you type.</p>
      </header>
      <main className="panes">
        <section className="pane" aria-label="Program">
          <h2 className="pane-title">main.ddp</h2>
          <CodeEditor
            value={text}
            onChange={setText}
            fileName="main.ddp"
            onRun={onRun}
            onDiagnostics={onDiagnostics}
          />
        </section>
        <section className="pane" aria-label="Diagnostics and plan">
          <h2 className="pane-title" data-testid="diagnostic-summary">
            {summary}
          </h2>
          <p className="run-status" role="status" data-testid="run-status">
            {runs === 0 ? '' : `Run requested (${runs}) — running arrives with the console.`}
          </p>
          <ul className="diagnostics" aria-label="Diagnostics" aria-live="polite">
            {diagnostics.map((d, index) => (
              <li key={index} className={`diagnostic ${d.severity}`}>
                <span className="where">
                  {d.line}:{d.col}
                </span>{' '}
                {d.message}
              </li>
            ))}
          </ul>
          {verdict !== null && verdict.plan !== null && (
            <>
              <h2 className="pane-title">Optimized plan</h2>
              <pre className="plan" aria-label="Plan text">
                {verdict.plan}
              </pre>
            </>
          )}
        </section>
      </main>
    </div>
  );
}

/**
 * The first playground page: write a DDIR program and see, as you type, what the
 * checker says about it and the optimized plan it lowers to. (The console, traces and
 * worker pool arrive with the playground issue.)
 */
import { useState } from 'react';
import { SAMPLE_PROGRAM } from './sample.js';
import { useCompiled } from './useCompiled.js';

export function App() {
  const [text, setText] = useState(SAMPLE_PROGRAM);
  const { diagnostics, plan } = useCompiled(text, 'main.ddp');
  const errors = diagnostics.filter((d) => d.severity === 'error').length;

  return (
    <div className="app">
      <header className="app-header">
        <h1>DDIR Playground</h1>
        <p>Write a differential dataflow program; the checker and the optimizer answer as you type.</p>
      </header>
      <main className="panes">
        <section className="pane" aria-label="Program">
          <label htmlFor="program" className="pane-title">
            main.ddp
          </label>
          <textarea
            id="program"
            className="editor"
            spellCheck={false}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        </section>
        <section className="pane" aria-label="Diagnostics and plan">
          <h2 className="pane-title" data-testid="diagnostic-summary">
            {errors === 0 ? 'No errors' : `${errors} error${errors === 1 ? '' : 's'}`}
          </h2>
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
          {plan !== null && (
            <>
              <h2 className="pane-title">Optimized plan</h2>
              <pre className="plan" aria-label="Plan text">
                {plan}
              </pre>
            </>
          )}
        </section>
      </main>
    </div>
  );
}

/**
 * The open demo's narrative, under the header: its title and difficulty, what to watch
 * for at the step that just ran (the `say` of the narrated line Step reached last; lines
 * in between run silently), Next step / Run all / Close, and "predict, then tick" before
 * a tick that asks for a prediction. Nothing when no demo is open.
 */
import { PredictForm, PredictResults } from './PredictPanel.js';
import { scriptPosition } from './demo-session.js';
import { findDemo } from './builtin.js';
import { useDemoSession, useDemoState } from './use-demo.js';
import { usePlaygroundState } from '../app/context.js';
import type { Demo } from './builtin.js';
import type { DemoPrediction } from '../../demos/catalog.js';

function Narrative({ demo }: { readonly demo: Demo }) {
  const session = useDemoSession();
  const ranAll = useDemoState((s) => s.ranAll);
  // Two primitive selections (a selector answering a new object would re-render forever).
  const ran = usePlaygroundState((s) => scriptPosition(s, demo).ran);
  const nextLine = usePlaygroundState((s) => scriptPosition(s, demo).next?.line ?? null);
  const busy = usePlaygroundState((s) => s.running !== null || s.busy !== null);
  const { steps } = demo.meta;
  const predict = demo.meta.predict ?? [];
  const entriesAt = (line: number | null): (readonly [number, DemoPrediction])[] =>
    line === null ? [] : predict.flatMap((p, i) => (p.beforeLine === line ? [[i, p] as const] : []));

  const reached = ran === null ? -1 : steps.filter((s) => s.line <= ran).length - 1;
  const current = reached >= 0 ? steps[reached] : undefined;
  const asking = entriesAt(nextLine);
  const answered = entriesAt(ran);
  const atEnd = ran !== null && nextLine === null;

  let say: string;
  if (ranAll && ran === null)
    say =
      'Run all ran the whole script: the console has every result and the Traces tab the final tables. Next step starts again from the top.';
  else if (current === undefined) say = `${demo.meta.summary} Press Next step to begin, or Run all.`;
  else say = current.say;

  return (
    <section className="narrative" aria-label="Demo narrative">
      <div className="narrative-head">
        <h2>{demo.meta.title}</h2>
        <span className={`difficulty difficulty-${demo.meta.difficulty}`}>{demo.meta.difficulty}</span>
        <span className="muted small" data-testid="narrative-progress">
          {current === undefined
            ? `${steps.length} steps`
            : `step ${reached + 1} of ${steps.length} · line ${ran}`}
        </span>
        <div className="narrative-actions">
          <button type="button" className="primary" disabled={busy} onClick={() => void session.next()}>
            {asking.length > 0 ? 'Tick and check' : atEnd ? 'Start again' : 'Next step'}
          </button>
          <button type="button" disabled={busy} onClick={() => void session.runAll()}>
            Run all
          </button>
          <button type="button" onClick={() => session.close()} aria-label="Close the narrative">
            Close
          </button>
        </div>
      </div>
      <p className="narrative-say" aria-live="polite" data-line={current?.line ?? ''}>
        {say}
      </p>
      {ran !== null && <PredictResults entries={answered} />}
      {asking.length > 0 && <PredictForm entries={asking} />}
    </section>
  );
}

/** The narrative panel (see the module header). */
export function NarrativePanel() {
  const name = useDemoState((s) => s.demo);
  const demo = name === null ? undefined : findDemo(name);
  return demo === undefined ? null : <Narrative demo={demo} />;
}

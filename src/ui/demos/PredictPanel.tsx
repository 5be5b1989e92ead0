/**
 * "Predict, then tick" in the narrative: before a tick that has `predict` entries, one
 * question per entry with a box for the expected changes (`KEY VAL DIFF` per line, or
 * JSON); after it, each predicted change marked right or wrong (`data-verdict`) and
 * the real changes nobody predicted listed as missed. Everything is rendered as text.
 */
import { useId } from 'react';
import { formatChange, parsePrediction } from './predict.js';
import { useDemoSession, useDemoState } from './use-demo.js';
import type { DemoPrediction } from '../../demos/catalog.js';
import type { PredictionResult } from './demo-session.js';

/** The questions before a tick: `entries` are [index into predict, entry]. */
export function PredictForm({
  entries,
}: {
  readonly entries: readonly (readonly [number, DemoPrediction])[];
}) {
  const session = useDemoSession();
  const drafts = useDemoState((s) => s.drafts);
  const hintId = useId();
  return (
    <div className="predict" role="group" aria-label="Predict the next tick">
      <p className="predict-lead">
        <strong>Predict, then tick.</strong>{' '}
        <span id={hintId} className="muted small">
          One change per line: KEY VAL DIFF, e.g. <code>3 _ -1</code> (<code>_</code> is an empty val,{' '}
          <code>1,2</code> a pair), or JSON rows like <code>[[3],[],-1]</code>. Then press Tick and check.
        </span>
      </p>
      {entries.map(([index, p]) => {
        const draft = drafts[index] ?? '';
        const { changes, problems } = parsePrediction(draft);
        return (
          <label key={index} className="predict-entry">
            <span className="predict-question">{p.question}</span>
            <textarea
              rows={3}
              value={draft}
              spellCheck={false}
              placeholder="3 _ -1"
              aria-describedby={hintId}
              onChange={(e) => session.setDraft(index, e.target.value)}
            />
            <span className={`small ${problems.length > 0 ? 'predict-problem' : 'muted'}`}>
              {problems.length > 0
                ? problems.join(' · ')
                : `${changes.length} change${changes.length === 1 ? '' : 's'} to "${p.trace}" predicted`}
            </span>
          </label>
        );
      })}
    </div>
  );
}

/** One entry's marks. */
function Marks({
  prediction,
  result,
}: {
  readonly prediction: DemoPrediction;
  readonly result: PredictionResult;
}) {
  const { marked, missed } = result.marking;
  const right = marked.filter((m) => m.right).length;
  const perfect = right === marked.length && missed.length === 0 && marked.length > 0;
  return (
    <div className="predict-result" aria-label={`prediction for ${prediction.trace}`}>
      <p className="predict-question">{prediction.question}</p>
      <p className={perfect ? 'predict-perfect' : 'muted small'}>
        {result.blank
          ? 'No prediction was entered; here is what happened.'
          : perfect
            ? 'Exactly right: every change, and nothing else.'
            : `${right} of ${marked.length} predicted change${marked.length === 1 ? '' : 's'} right, ${missed.length} missed.`}
      </p>
      {result.problems.length > 0 && (
        <p className="predict-problem small">Not read: {result.problems.join(' · ')}</p>
      )}
      {marked.length > 0 && (
        <ul className="predict-marks" aria-label="Your prediction">
          {marked.map((m, i) => (
            <li key={i} data-verdict={m.right ? 'right' : 'wrong'} data-change={JSON.stringify(m.change)}>
              <span className="verdict">{m.right ? '✓ right' : '✗ wrong'}</span>{' '}
              <code>{formatChange(m.change)}</code>
            </li>
          ))}
        </ul>
      )}
      {missed.length > 0 && (
        <ul className="predict-marks" aria-label="Missed changes">
          {missed.map((c, i) => (
            <li key={i} data-verdict="missed" data-change={JSON.stringify(c)}>
              <span className="verdict">missed</span> <code>{formatChange(c)}</code>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The marks of the tick that just ran: `entries` are [index into predict, entry]. */
export function PredictResults({
  entries,
}: {
  readonly entries: readonly (readonly [number, DemoPrediction])[];
}) {
  const results = useDemoState((s) => s.results);
  const shown = entries.flatMap(([index, p]) => {
    const result = results[index];
    return result === undefined ? [] : [{ index, p, result }];
  });
  if (shown.length === 0) return null;
  return (
    <div className="predict" role="group" aria-label="Prediction results">
      {shown.map(({ index, p, result }) => (
        <Marks key={index} prediction={p} result={result} />
      ))}
    </div>
  );
}

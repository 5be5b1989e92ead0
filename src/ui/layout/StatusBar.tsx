/**
 * The header's status and settings: the current epoch (`data-testid="epoch"`), the last
 * tick's change count, the `Workers` combobox (changing it rebuilds by replay) and the
 * run-budget popover.
 */
import { useState } from 'react';
import { usePlayground, usePlaygroundState } from '../app/context.js';
import { workerChoices } from '../state/settings.js';

function BudgetPopover() {
  const playground = usePlayground();
  const settings = usePlaygroundState((s) => s.settings);
  const [open, setOpen] = useState(false);
  const [iterations, setIterations] = useState(String(settings.maxIterations));
  const [seconds, setSeconds] = useState(String(settings.maxSeconds));
  const it = Number(iterations);
  const sec = Number(seconds);
  const valid = Number.isInteger(it) && it > 0 && Number.isFinite(sec) && sec > 0 && sec <= 3600;
  return (
    <div className="popover-anchor">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="budget-popover"
        onClick={() => {
          setIterations(String(settings.maxIterations));
          setSeconds(String(settings.maxSeconds));
          setOpen(!open);
        }}
      >
        Budget
      </button>
      {open && (
        <form
          id="budget-popover"
          className="popover"
          aria-label="Run budget"
          onSubmit={(e) => {
            e.preventDefault();
            if (!valid) return;
            void playground.changeSettings({ ...settings, maxIterations: it, maxSeconds: sec });
            setOpen(false);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setOpen(false);
          }}
        >
          <p className="muted small">A tick that exceeds these fails its program instead of running on.</p>
          <label>
            Max iterations per scope
            <input type="number" min={1} value={iterations} onChange={(e) => setIterations(e.target.value)} />
          </label>
          <label>
            Max seconds per tick
            <input
              type="number"
              min={0.1}
              step={0.1}
              value={seconds}
              onChange={(e) => setSeconds(e.target.value)}
            />
          </label>
          <div className="ask-actions">
            <button type="submit" className="primary" disabled={!valid}>
              Apply
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              Close
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

/** The status and settings strip (see the module header). */
export function StatusBar() {
  const playground = usePlayground();
  const epoch = usePlaygroundState((s) => s.epoch);
  const lastTick = usePlaygroundState((s) => s.lastTick);
  const settings = usePlaygroundState((s) => s.settings);
  const choices = workerChoices(typeof navigator === 'undefined' ? 1 : navigator.hardwareConcurrency);
  return (
    <div className="status-bar">
      <span className="epoch-status" title="The open epoch: feeds go here; tick closes it">
        epoch <strong data-testid="epoch">{epoch}</strong>
        {lastTick !== null && (
          <span className="muted small">
            {' '}
            · last tick {lastTick.changes} change{lastTick.changes === 1 ? '' : 's'}
          </span>
        )}
      </span>
      <label className="workers">
        Workers{' '}
        <select
          value={settings.workers}
          onChange={(e) => void playground.changeSettings({ ...settings, workers: Number(e.target.value) })}
        >
          {choices.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <BudgetPopover />
    </div>
  );
}

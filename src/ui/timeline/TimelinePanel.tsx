/**
 * The Timeline tab (PLAYGROUND.md part 11): the command journal as a list named
 * `Timeline`, one item per command. Choosing a command rewinds the session to just
 * after it, by replaying the commands up to it in a fresh session; the later commands
 * stay listed (greyed) so one can rewind forward again, until "Fork from here" drops
 * them or a new command leaves them behind. Before the first rewind the state at the
 * end is saved as a run; "Save this run" saves the current one; Compare shows per trace
 * the rows added and removed between two runs.
 */
import { useStore } from 'zustand';
import { usePlayground, usePlaygroundState } from '../app/context.js';
import { appendEntries } from '../state/console-log.js';
import { CompareRuns } from './CompareRuns.js';
import { liveBranch, saveRun, timelineStore } from './runs.js';
import type { JournalEntry } from '../backend/protocol.js';
import './timeline.css';

/** The Timeline tab (see the module header). */
export function TimelinePanel() {
  const playground = usePlayground();
  const journal = usePlaygroundState((s) => s.journal);
  const busy = usePlaygroundState((s) => s.busy !== null || s.running !== null);
  const stored = useStore(timelineStore, (s) => s.branch);
  const branch = liveBranch(journal, stored);
  const shown = branch ?? journal;

  const saveCurrent = (label: string): void => {
    const s = playground.store.getState();
    saveRun(label, s.journal, s.epoch, s.traces);
  };

  const rewindTo = (count: number): void => {
    if (count === journal.length) return;
    if (branch === null) {
      // Leaving the end of the session: keep it, to rewind forward or compare with later.
      const runs = timelineStore.getState().runs.length;
      saveCurrent(`Run ${runs + 1}: ${journal.length} commands`);
      timelineStore.setState({ branch: journal });
    }
    const target: readonly JournalEntry[] = shown.slice(0, count);
    void playground.rewind(
      target,
      `Rewind: replaying the first ${count} command${count === 1 ? '' : 's'} in a fresh session.`,
    );
  };

  const fork = (): void => {
    timelineStore.setState({ branch: null });
    playground.store.setState((s) => ({
      console: appendEntries(s.console, [
        {
          kind: 'note',
          tone: 'info',
          text: `Forked after command ${journal.length}: the later commands are dropped; new commands continue from here.`,
        },
      ]),
    }));
  };

  return (
    <div className="tl-panel">
      <div className="tl-toolbar">
        {branch === null ? (
          <span className="tl-muted">
            {journal.length} command{journal.length === 1 ? '' : 's'}. Choose one to rewind to just after it.
          </span>
        ) : (
          <>
            <span>
              Rewound to after command {journal.length} of {branch.length}.
            </span>
            <button type="button" onClick={fork} disabled={busy}>
              Fork from here
            </button>
            <button type="button" onClick={() => rewindTo(branch.length)} disabled={busy}>
              Back to the end
            </button>
          </>
        )}
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            saveCurrent(`Run ${timelineStore.getState().runs.length + 1}: saved at command ${journal.length}`)
          }
        >
          Save this run
        </button>
      </div>
      <ol className="tl-list" aria-label="Timeline">
        {shown.map((entry, i) => {
          const state = i < journal.length ? (i === journal.length - 1 ? 'current' : 'done') : 'ahead';
          return (
            <li
              key={i}
              className={`tl-item tl-${state}`}
              data-state={state}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              <button
                type="button"
                disabled={busy}
                onClick={() => rewindTo(i + 1)}
                aria-label={`Rewind to just after command ${i + 1}: ${entry.line}`}
              >
                <span className="tl-index">{i + 1}</span>
                <code>{entry.line}</code>
                {state === 'ahead' ? <span className="tl-muted"> (undone)</span> : null}
              </button>
            </li>
          );
        })}
      </ol>
      {shown.length === 0 ? (
        <p className="tl-muted">No commands yet: the journal lists every command that changed the session.</p>
      ) : null}
      <CompareRuns />
    </div>
  );
}

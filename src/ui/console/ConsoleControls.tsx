/**
 * The console's controls: Run script, Step, Tick, Reset (asks first: the session, or
 * everything including the files) and Stop (enabled while something runs), plus the
 * running command, so the page always says what it is doing.
 */
import { useState } from 'react';
import { AskDialog } from '../app/Dialog.js';
import { usePlayground, usePlaygroundState } from '../app/context.js';

/** The console's buttons (see the module header). */
export function ConsoleControls({ onResetEverything }: { readonly onResetEverything: () => void }) {
  const playground = usePlayground();
  const running = usePlaygroundState((s) => s.running);
  const busy = usePlaygroundState((s) => s.busy);
  const script = usePlaygroundState((s) => s.script);
  const [asking, setAsking] = useState(false);

  return (
    <div className="console-controls" role="toolbar" aria-label="Session">
      <button
        type="button"
        className="primary"
        onClick={() => void playground.runScript()}
        title={`Runs ${script} from the top in a fresh session`}
      >
        Run script
      </button>
      <button
        type="button"
        onClick={() => void playground.step()}
        title={`Runs the next command of ${script}`}
      >
        Step
      </button>
      <button type="button" onClick={() => void playground.tick()}>
        Tick
      </button>
      <button type="button" onClick={() => setAsking(true)}>
        Reset
      </button>
      <button
        type="button"
        className="danger"
        disabled={running === null}
        onClick={() => void playground.stop()}
      >
        Stop
      </button>
      <span className="activity" role="status">
        {busy ?? (running === null ? '' : `Running: ${running}`)}
      </span>
      {asking && (
        <AskDialog
          title="Reset?"
          message="Reset the session starts again at epoch 0 with nothing installed; your files stay. Reset everything also restores the demo files."
          actions={[
            { label: 'Reset session', value: 'session' },
            { label: 'Reset everything', value: 'everything', danger: true },
          ]}
          onClose={(answer) => {
            setAsking(false);
            if (answer?.action === 'session') void playground.reset();
            if (answer?.action === 'everything') onResetEverything();
          }}
        />
      )}
    </div>
  );
}

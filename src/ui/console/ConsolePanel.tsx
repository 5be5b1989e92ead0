/** The Console tab: controls, the log and the command line. */
import { CommandLine } from './CommandLine.js';
import { ConsoleControls } from './ConsoleControls.js';
import { ConsoleLog } from './ConsoleLog.js';

/** The console (controls above, log, command line below). */
export function ConsolePanel({ onResetEverything }: { readonly onResetEverything: () => void }) {
  return (
    <div className="console-panel">
      <ConsoleControls onResetEverything={onResetEverything} />
      <ConsoleLog />
      <CommandLine />
    </div>
  );
}

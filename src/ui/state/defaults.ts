/**
 * The default workspace: the reachability demo — a program (`reach.ddp`) and a session
 * script (`session.txt`) that installs it, feeds a small graph, ticks, peeks, then
 * retracts an edge and ticks again, so the first page shows a result and a change.
 */
import { SAMPLE_PROGRAM } from '../sample.js';

/** The demo's session script. */
export const DEMO_SCRIPT = `# Reachability: install the program, feed a graph, tick, look.
install reach reach.ddp
feed reach 0 1,2
feed reach 0 2,3
feed reach 0 3,4
feed reach 0 5,6
feed reach 1 1
tick
peek reach
# Retract the edge 3 -> 4: node 4 is no longer reachable.
feed reach 0 3,4 diff=-1
tick
peek reach
`;

/** The files of a fresh workspace. */
export const DEFAULT_FILES: Readonly<Record<string, string>> = {
  'reach.ddp': SAMPLE_PROGRAM,
  'session.txt': DEMO_SCRIPT,
};

/** The file shown first and the script the console runs. */
export const DEFAULT_ACTIVE = 'reach.ddp';
export const DEFAULT_SCRIPT = 'session.txt';

/**
 * Replacing the whole workspace (opening a demo from the gallery): the files, the shown
 * file and the script change in one store update, then the session starts fresh (Reset),
 * so nothing of the old workspace's session survives. Autosave picks the new files up.
 */
import type { Playground } from '../state/actions.js';

/** A workspace to open. */
export interface Workspace {
  readonly files: Readonly<Record<string, string>>;
  readonly active: string;
  readonly script: string;
}

/** Opens `workspace` in a fresh session (see the module header). */
export async function openWorkspace(playground: Playground, workspace: Workspace): Promise<void> {
  playground.store.setState({
    files: workspace.files,
    active: workspace.active,
    script: workspace.script,
    highlight: null,
    scriptCursor: 0,
    reveal: null,
    notice: null,
  });
  await playground.reset();
}

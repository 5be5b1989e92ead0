/**
 * Messages between the browser bench page (main.ts) and its worker (worker.ts).
 */

/** Page → worker: run W1 over `nodes` nodes. */
export interface W1Request {
  readonly nodes: number;
}

/** Worker → page: the load time and whether the result equals the BFS. */
export type W1Reply =
  | { readonly ok: true; readonly ms: number; readonly reached: number; readonly correct: boolean }
  | { readonly ok: false; readonly error: string };

/**
 * How times change along the edges between scopes (ENGINE.md "Time", and its root
 * `enter_at` wrinkle).
 *
 * Times of a scope at depth d have `max(d, 1) + 1` coordinates: the root and depth-1
 * scopes share the coordinate c1 (a root `enter_at` delay is the iteration a depth-1
 * scope sees the row from).
 * - enter into depth 1: unchanged; into depth d ≥ 2: append a 0 coordinate;
 * - leave from depth 1 to the root: c1 becomes 0; from depth d ≥ 2: drop the last;
 * - a loop's feedback edge: +1 on the scope's own coordinate (index d);
 * - export: only the epoch remains (published traces sum over c1);
 * - import: `[e]` becomes the root time `[e, 0]`.
 */
import type { TimeMap } from '../outlet.js';
import { coord, resize, withCoord } from '../time.js';
import type { Time } from '../time.js';

/** The number of coordinates (epoch included) of times in a scope at `depth`. */
export function timeWidth(depth: number): number {
  return (depth > 1 ? depth : 1) + 1;
}

/** Edge map from a parent scope into its child at `childDepth` (null: unchanged). */
export function enterMap(childDepth: number): TimeMap | null {
  if (childDepth <= 1) return null;
  const width = timeWidth(childDepth);
  return (t: Time) => resize(t, width);
}

/** Edge map from a child at `childDepth` out to its parent. */
export function leaveMap(childDepth: number): TimeMap {
  if (childDepth <= 1) return (t: Time) => (coord(t, 1) === 0 ? t : [coord(t, 0), 0]);
  const width = timeWidth(childDepth - 1);
  return (t: Time) => resize(t, width);
}

/** Edge map of a feedback variable in a scope at `depth`: one iteration later. */
export function feedbackMap(depth: number): TimeMap {
  return (t: Time) => withCoord(t, depth, coord(t, depth) + 1);
}

/** Edge map from the root to a published trace: the epoch alone. */
export function exportMap(t: Time): Time {
  return t.length === 1 ? t : [coord(t, 0)];
}

/** Edge map from a published trace into an importing root. */
export function importMap(t: Time): Time {
  return [coord(t, 0), 0];
}

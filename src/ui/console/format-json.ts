/**
 * Values in their SERVER.md JSON form, written compactly for tables: a Tuple as
 * `(1, 2)`, a List as `[7, 8]`, a Variant as `#tag payload`, unit as `()`. Also where an
 * error points: `file:line:col` from an error event's location, diagnostics or script line.
 */
import type { ValueJson } from '../../lang/value-json.js';
import type { ErrorEvent } from '../../server/events.js';

/** A compact, readable form of a JSON value. */
export function formatJson(v: ValueJson): string {
  if (typeof v === 'number' || typeof v === 'string') return String(v);
  if ('tag' in v) {
    const payload = v.val;
    return Array.isArray(payload) && payload.length === 0 ? `#${v.tag}` : `#${v.tag} ${formatJson(payload)}`;
  }
  if ('list' in v) return `[${v.list.map(formatJson).join(', ')}]`;
  return `(${(v as readonly ValueJson[]).map(formatJson).join(', ')})`;
}

/** A place in a file. */
export interface SourcePlace {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

/** Where an error points, preferring the program source over the script line; null if nowhere. */
export function errorPlace(event: ErrorEvent, script: string): SourcePlace | null {
  const first = event.diagnostics?.[0];
  if (first !== undefined) return { file: first.file, line: first.line, col: first.col };
  if (event.location !== undefined) {
    const m = /^(.*):(\d+):(\d+)$/.exec(event.location);
    if (m?.[1] !== undefined) return { file: m[1], line: Number(m[2]), col: Number(m[3]) };
  }
  if (event.line !== undefined && script !== '') return { file: script, line: event.line, col: 1 };
  return null;
}

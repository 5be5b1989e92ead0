/**
 * "Predict, then tick", pure: reading the changes a learner expects and marking them.
 *
 * `parsePrediction` reads one change per line, `KEY VAL DIFF` in the session value
 * syntax of SERVER.md (`3 _ -1`, `1,2 5 +1`, `inject(1,7) _ 1`), or JSON — one
 * `[key, val, diff]` per line or a whole `[[key, val, diff], …]` list; problems are
 * reported per line, never thrown. `tickChanges` turns a trace's last tick into changes,
 * and `markPrediction` says which predicted changes happened (same key, val and diff)
 * and which real changes were missed.
 */
import { valueFromJson, valueToJson } from '../../lang/value-json.js';
import { formatValueCompact } from '../../lang/value-print.js';
import { parseValueToken } from '../../server/value-syntax.js';
import type { DemoChange } from '../../demos/catalog.js';
import type { ValueJson } from '../../lang/value-json.js';
import type { TraceData } from '../state/trace-data.js';

/** The changes read, and what could not be read (with its line). */
export interface ParsedPrediction {
  readonly changes: readonly DemoChange[];
  readonly problems: readonly string[];
}

/** One predicted change, marked. */
export interface MarkedChange {
  readonly change: DemoChange;
  readonly right: boolean;
}

/** A prediction compared with what the tick did. */
export interface Marking {
  readonly marked: readonly MarkedChange[];
  /** Real changes nobody predicted. */
  readonly missed: readonly DemoChange[];
}

/** The canonical JSON of a value (a valid ValueJson re-encoded, so `[1]` and `[ 1 ]` agree). */
function canonical(json: unknown): ValueJson | null {
  const value = valueFromJson(json);
  return value === undefined ? null : valueToJson(value);
}

function changeFromJson(json: unknown): DemoChange | string {
  if (!Array.isArray(json) || json.length !== 3) return 'a JSON change is [key, val, diff]';
  const [k, v, d] = json as unknown[];
  const key = canonical(k);
  const val = canonical(v);
  if (key === null || val === null) return 'the key or val is not a value in the JSON encoding of SERVER.md';
  if (typeof d !== 'number' || !Number.isSafeInteger(d) || d === 0)
    return 'the diff must be a non-zero integer';
  return [key, val, d];
}

function changeFromTokens(line: string): DemoChange | string {
  const tokens = line.trim().split(/\s+/);
  if (tokens.length !== 3) return 'write KEY VAL DIFF, e.g. 3 _ -1 (use _ for an empty val)';
  const [k = '', v = '', d = ''] = tokens;
  const key = parseValueToken(k);
  if ('error' in key) return `KEY: ${key.error}`;
  const val = parseValueToken(v);
  if ('error' in val) return `VAL: ${val.error}`;
  if (!/^[+-]?[0-9]+$/.test(d) || Number(d) === 0 || !Number.isSafeInteger(Number(d))) {
    return 'DIFF must be a non-zero integer such as +1 or -1';
  }
  return [valueToJson(key.value), valueToJson(val.value), Number(d)];
}

/** Reads a learner's prediction (see the module header). */
export function parsePrediction(text: string): ParsedPrediction {
  const changes: DemoChange[] = [];
  const problems: string[] = [];
  const trimmed = text.trim();
  if (trimmed.startsWith('[[') || trimmed.startsWith('[\n')) {
    try {
      const all = JSON.parse(trimmed) as unknown;
      if (Array.isArray(all) && all.every((c) => Array.isArray(c))) {
        for (const [i, c] of all.entries()) {
          const change = changeFromJson(c);
          if (typeof change === 'string') problems.push(`change ${i + 1}: ${change}`);
          else changes.push(change);
        }
        return { changes, problems };
      }
    } catch {
      // Not one JSON document: read it line by line below.
    }
  }
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    let change: DemoChange | string;
    if (line.startsWith('[')) {
      try {
        change = changeFromJson(JSON.parse(line) as unknown);
      } catch {
        change = 'not valid JSON';
      }
    } else change = changeFromTokens(line);
    if (typeof change === 'string') problems.push(`line ${i + 1}: ${change}`);
    else changes.push(change);
  });
  return { changes, problems };
}

/** The changes of a trace's last tick (increases positive, decreases negative). */
export function tickChanges(trace: TraceData | undefined): DemoChange[] {
  if (trace === undefined) return [];
  return [
    ...trace.lastTick.added.map(([k, v, m]): DemoChange => [k, v, m]),
    ...trace.lastTick.removed.map(([k, v, m]): DemoChange => [k, v, -m]),
  ];
}

/** Identity of a change's data: ValueJson is canonical (no maps, no floats), so its JSON is too. */
function dataKey(c: DemoChange): string {
  return JSON.stringify([c[0], c[1]]);
}

/** Marks each predicted change against the real ones (see the module header). */
export function markPrediction(predicted: readonly DemoChange[], actual: readonly DemoChange[]): Marking {
  const real = new Map<string, number>();
  for (const c of actual) real.set(dataKey(c), (real.get(dataKey(c)) ?? 0) + c[2]);
  const guessed = new Set<string>();
  const marked = predicted.map((change): MarkedChange => {
    guessed.add(dataKey(change));
    return { change, right: real.get(dataKey(change)) === change[2] };
  });
  const missed = actual.filter((c) => !guessed.has(dataKey(c)));
  return { marked, missed };
}

/** A value as the console prints it (`(3)`, `()`, `[1, 2]`), or its JSON if malformed. */
function show(json: ValueJson): string {
  const value = valueFromJson(json);
  return value === undefined ? JSON.stringify(json) : formatValueCompact(value);
}

/** A change as the console shows rows: `KEY ; VAL  DIFF`, e.g. `(3) ; ()  -1`. */
export function formatChange(c: DemoChange): string {
  const diff = c[2] > 0 ? `+${c[2]}` : String(c[2]);
  return `${show(c[0])} ; ${show(c[1])}  ${diff}`;
}

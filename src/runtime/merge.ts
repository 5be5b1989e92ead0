/**
 * Gathering one command's events from every worker into what one server would print.
 *
 * Every worker's session emits the same events in the same order, except that `peek`
 * rows and inspect updates come from its own shard. `mergeReplies` walks the workers'
 * events side by side: each run of inspect updates (between two other events) becomes
 * the union of all workers' runs, consolidated — equal (program, label, key, val, time)
 * summed, zeros dropped — and sorted by program, label, time, key, val; each `peek`
 * gets all workers' rows, sorted by (key, val) in value order (keys are disjoint across
 * workers). Every other event must be identical on all workers, else the workers
 * disagree (`DisagreementError`), which is an engine bug.
 */
import type { CommandReply } from './protocol.js';
import { RowCounts } from '../engine/consolidate.js';
import { compareLex } from '../engine/time.js';
import { valueFromJson, valueToJson } from '../lang/value-json.js';
import type { ValueJson } from '../lang/value-json.js';
import { compareValues } from '../lang/value-order.js';
import type { Value } from '../lang/value.js';
import type { InspectEvent, JsonRow, PeekEvent, ServerEvent } from '../server/events.js';

/** Workers answered one command differently where they must agree. */
export class DisagreementError extends Error {
  override name = 'DisagreementError';
}

// A worker's events cut at every non-inspect event: the inspects before it, then it.
interface Segment {
  readonly inspects: InspectEvent[];
  readonly event: ServerEvent | null;
}

function segments(events: readonly ServerEvent[]): Segment[] {
  const out: Segment[] = [];
  let inspects: InspectEvent[] = [];
  for (const e of events) {
    if (e.event === 'inspect') inspects.push(e);
    else {
      out.push({ inspects, event: e });
      inspects = [];
    }
  }
  out.push({ inspects, event: null });
  return out;
}

function decode(j: ValueJson): Value {
  const v = valueFromJson(j);
  if (v === undefined) throw new DisagreementError(`a worker sent a malformed value ${JSON.stringify(j)}`);
  return v;
}

/** One command's events as a single server would print them. */
export function mergeReplies(replies: readonly CommandReply[]): ServerEvent[] {
  const all = replies.map((r) => segments(r.events));
  const first = all[0];
  if (first === undefined) return [];
  const out: ServerEvent[] = [];
  for (let i = 0; i < first.length; i++) {
    const column = all.map((segs, w) => {
      const s = segs[i];
      if (s === undefined || segs.length !== first.length) {
        throw new DisagreementError(
          `worker ${w} answered with ${segs.length - 1} events, worker 0 with ${first.length - 1}`,
        );
      }
      return s;
    });
    out.push(...mergeInspects(column.flatMap((s) => s.inspects)));
    const event = (first[i] as Segment).event;
    if (event === null) continue;
    const others = column.map((s) => s.event as ServerEvent);
    out.push(event.event === 'peek' ? mergePeeks(event, others) : agreed(event, others));
  }
  return out;
}

function agreed(event: ServerEvent, others: readonly ServerEvent[]): ServerEvent {
  const text = JSON.stringify(event);
  others.forEach((o, w) => {
    if (JSON.stringify(o) !== text) {
      throw new DisagreementError(
        `worker ${w} answered ${JSON.stringify(o)} where worker 0 answered ${text}`,
      );
    }
  });
  return event;
}

function mergePeeks(event: PeekEvent, others: readonly ServerEvent[]): PeekEvent {
  const rows: { key: Value; val: Value; row: JsonRow }[] = [];
  others.forEach((o, w) => {
    if (
      o.event !== 'peek' ||
      o.trace !== event.trace ||
      JSON.stringify(o.key) !== JSON.stringify(event.key)
    ) {
      throw new DisagreementError(
        `worker ${w} answered ${o.event} where worker 0 answered a peek of ${event.trace}`,
      );
    }
    for (const row of o.rows) rows.push({ key: decode(row[0]), val: decode(row[1]), row });
  });
  rows.sort((a, b) => compareValues(a.key, b.key) || compareValues(a.val, b.val));
  return { ...event, rows: rows.map((r) => r.row) };
}

// Inspect updates of one (program, label, time), consolidated by (key, val).
interface Group {
  readonly program: string;
  readonly label: string;
  readonly time: readonly number[];
  readonly rows: RowCounts;
}

/** Consolidates inspect updates and sorts them (program, label, time, key, val). */
export function mergeInspects(inspects: readonly InspectEvent[]): InspectEvent[] {
  const groups = new Map<string, Group>();
  for (const e of inspects) {
    // Labels and program names are strings; the time is a list of integers.
    const id = `${e.program}\u0000${e.label}\u0000${e.time.join(',')}`;
    let g = groups.get(id);
    if (g === undefined) {
      g = { program: e.program, label: e.label, time: e.time, rows: new RowCounts() };
      groups.set(id, g);
    }
    g.rows.add(decode(e.key), decode(e.val), e.diff);
  }
  const sorted = [...groups.values()].sort(
    (a, b) =>
      (a.program < b.program ? -1 : a.program > b.program ? 1 : 0) ||
      (a.label < b.label ? -1 : a.label > b.label ? 1 : 0) ||
      compareLex(a.time, b.time),
  );
  const out: InspectEvent[] = [];
  for (const g of sorted) {
    const rows: [Value, Value, number][] = [];
    g.rows.forEach((key, val, diff) => rows.push([key, val, diff]));
    rows.sort((a, b) => compareValues(a[0], b[0]) || compareValues(a[1], b[1]));
    for (const [key, val, diff] of rows) {
      out.push({
        event: 'inspect',
        program: g.program,
        label: g.label,
        key: valueToJson(key),
        val: valueToJson(val),
        time: [...g.time],
        diff,
      });
    }
  }
  return out;
}

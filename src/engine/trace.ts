/**
 * Traces: the shared, compacting index of an arranged collection (ENGINE.md "Traces").
 *
 * A `Trace` maps each key to its history: the updates `(val, time, diff)` it has
 * received, consolidated per batch. Keys are found by `hashValue` in a `KeyTable` and
 * identified by `equalValues` (colliding keys are kept apart, never merged).
 *
 * Batches and readers. Updates arrive in numbered batches (`openBatch` … `closeBatch`);
 * the batch's consolidated delta is returned as an `ArrangedBatch` for the trace's
 * readers. Every reader (a join side, a reducer, an importer) owns a `Reader` whose
 * `cursor` counts the batches it has consumed as *new* input; it may only see entries of
 * earlier batches as history (`visibleEnd`). This is what keeps a join from counting a
 * pair twice when the trace runs ahead of one of its readers.
 *
 * Representation: per key one flat array, 4 slots per entry `[val, time, diff, seq]`,
 * appended in batch order, so the entries a reader may see are always a prefix. Times are
 * shared references. An arrangement's first batch may instead become the trace's base
 * (trace-base.ts: the same entries as columns, no object per key) when no reader needs
 * key history objects (reducers do; joins, importers and `read` do not): a key of the
 * base moves into a history of its own when it is next updated (`obtain`), and readers
 * see either kind through a `History` (`seek`, `forEachHistory`).
 *
 * Compaction (`compact`) rewrites the prefix every reader has consumed: it advances
 * times by the frontier, consolidates equal `(val, time)`, drops zeros and forgets keys
 * left empty. Only keys touched since the last compaction are visited (never the base's),
 * and the common cases skip the sort: a never-compacted key built by one batch, or by
 * batches at rising times of one epoch (a load through a loop), is left as it is, since
 * advancing to an epoch would merge none of its entries; and a few new entries are merged
 * into a consolidated one-time history by val.
 */
import { Batch, objectArray, sizedObjectArray } from './batch.js';
import { consolidateVals } from './consolidate.js';
import { KeyTable } from './key-table.js';
import { keepLayout } from './layouts.js';
import { STRIDE, consolidateBlock } from './block.js';
import { hashesOf } from './hash-order.js';
import type { BuiltBase, TraceBase } from './trace-base.js';
import { SOLO, buildBase } from './trace-base.js';
import { advance, compareLex, timeEquals } from './time.js';
import type { Time } from './time.js';
import { compareValues, equalValues } from '../lang/value-order.js';
import { isInterned } from '../lang/value.js';
import type { Value } from '../lang/value.js';

const NO_ENTRIES = Object.freeze([]) as unknown as Value[];

/** The history of one key: entries `[val, time, diff, seq]` flattened into `data`. */
export class KeyTrace {
  /**
   * Flat entries, `STRIDE` slots each, in batch order (compacted entries first). A new key
   * shares one frozen empty array until its first entry (`Trace.add` replaces it).
   */
  data: Value[] = NO_ENTRIES;
  /** Touched since the last compaction (listed in the trace's dirty list). */
  dirty = false;
  /**
   * After a compaction: how many leading slots of `data` are consolidated at one single
   * time (0 if its times differ); -1 before the first compaction. See `Trace.compact`.
   */
  settled = -1;
  /** A reader's scratch mark (see `nextMark`): lets a step list each key once without a Set. */
  mark = 0;
  // The open batch's block of entries in `data`, if this key is in it.
  blockSeq = -1;
  blockStart = 0;
  /** Batches received since the last compaction (see `Trace.compactLazily`). */
  blocks = 0;

  constructor(
    /** The key (a Value compared with `equalValues`). */
    readonly key: Value,
    /** `hashValue(key)`. */
    readonly hash: number,
  ) {}

  /** The number of entries. */
  get length(): number {
    return this.data.length / STRIDE;
  }

  /** The end (slot index) of the entries a reader at `cursor` may see as history. */
  visibleEnd(cursor: number): number {
    const d = this.data;
    let i = d.length;
    // Unconsumed batches sit at the end; usually there are none.
    while (i > 0 && (d[i - 1] as number) >= cursor) i -= STRIDE;
    return i;
  }
}

// See layouts.ts: a key history with entries, as traces hold them.
keepLayout(new KeyTrace(NO_ENTRIES, 0)).data = [];

/**
 * A reader's view of one key's history, wherever it lives (a key history's array or the
 * trace's base): its entries are slots `[lo, hi)` of `data`. Readers keep one and let the
 * trace point it at each key they look up (`Trace.seek`), so a lookup allocates nothing.
 */
export class History {
  key: Value = NO_ENTRIES;
  hash = 0;
  data: readonly Value[] = NO_ENTRIES;
  lo = 0;
  hi = 0;

  /** The end (slot index) of the entries a reader at `cursor` may see as history. */
  visibleEnd(cursor: number): number {
    const d = this.data;
    const lo = this.lo;
    let i = this.hi;
    while (i > lo && (d[i - 1] as number) >= cursor) i -= STRIDE;
    return i;
  }

  // Points this view at a key history.
  showKey(kt: KeyTrace): void {
    this.key = kt.key;
    this.hash = kt.hash;
    this.data = kt.data;
    this.lo = 0;
    this.hi = kt.data.length;
  }

  // Points this view at key k of a base.
  showBase(base: TraceBase, k: number): void {
    this.key = base.keys[k] as Value;
    this.hash = base.hashes[k] as number;
    this.data = base.data;
    this.lo = base.starts[k] as number;
    this.hi = base.starts[k + 1] as number;
  }
}

// See layouts.ts: a history view, shown both kinds of history.
keepLayout(new History()).showKey(new KeyTrace(NO_ENTRIES, 0));

let marks = 0;

/**
 * A fresh value for `KeyTrace.mark`: a step that lists keys takes one, then a key is new
 * to it when its mark differs (steps run one at a time, so marks never interleave).
 */
export function nextMark(): number {
  return ++marks;
}

/** The delta of one trace batch: updates at one time, grouped by key. */
export class ArrangedBatch extends Batch {
  constructor(
    keys: readonly Value[],
    vals: readonly Value[],
    diffs: readonly number[],
    /**
     * The key history each update belongs to (same order as `keys`); null for a base's
     * batch, whose keys have none (only readers of key histories need them: reducers, for
     * whom traces build no base).
     */
    readonly refs: readonly KeyTrace[] | null,
    /** The batch number; consuming it moves a reader's cursor to `seq + 1`. */
    readonly seq: number,
    /** Each update's key hash, when `refs` is null. */
    private readonly hashes: Int32Array | null = null,
  ) {
    super(keys, vals, diffs);
  }

  /** `hashValue` of the i-th update's key. */
  hashAt(i: number): number {
    const refs = this.refs;
    return refs !== null ? (refs[i] as KeyTrace).hash : ((this.hashes as Int32Array)[i] as number);
  }
}

/** One reader's progress through a trace's batches. */
export class Reader {
  /** Batches numbered below `cursor` have been consumed; their entries are history. */
  cursor = 0;

  /** Records that `batch` has been consumed as new input. */
  consume(batch: ArrangedBatch): void {
    if (batch.seq < this.cursor) {
      throw new RangeError(`trace reader: batch ${batch.seq} consumed after batch ${this.cursor - 1}`);
    }
    this.cursor = batch.seq + 1;
  }
}

// Scratch arrays for consolidating one key's entries (single-threaded reuse).
const scratchVals: Value[] = [];
const scratchDiffs: number[] = [];

// `compactLazily`: compact once this many keys are waiting, or once a key has received
// this many batches since its last compaction.
const LAZY_KEYS = 256;
const LONG_TAIL = 16;

/** An arranged collection's index by key, shared by all its readers. */
export class Trace {
  private readonly keys = new KeyTable<KeyTrace>();
  // The keys of the first batch not yet moved into `keys` (see `appendBase`), if any.
  private base: TraceBase | null = null;
  private readonly readers: Reader[] = [];
  // Readers of key history objects (`addReader(true)`): while there are any, no base.
  private historyReaders = 0;
  private dirty: KeyTrace[] = [];
  // Keys with a block in the open batch, in first-touch order.
  private touched: KeyTrace[] = objectArray();
  private openSeq = -1;
  /** Batches appended so far (the next batch's number). */
  seqCount = 0;
  /** Entries held (all keys). */
  records = 0;
  // Entries added to the open batch (before consolidation).
  private openEntries = 0;
  // Keys that have received `LONG_TAIL` batches since their last compaction.
  private longTails = 0;

  /** The history object of `key`, if the trace has the key (moved out of the base if there). */
  find(key: Value, hash: number): KeyTrace | undefined {
    return this.keys.get(key, hash) ?? this.moveFromBase(key, hash);
  }

  /** The history object of `key`, created empty if absent. */
  obtain(key: Value, hash: number): KeyTrace {
    const found = this.keys.get(key, hash) ?? this.moveFromBase(key, hash);
    if (found !== undefined) return found;
    const kt = new KeyTrace(key, hash);
    this.keys.insert(kt);
    return kt;
  }

  /** Points `into` at the history of `key` and returns true, or returns false if absent. */
  seek(key: Value, hash: number, into: History): boolean {
    const kt = this.keys.get(key, hash);
    if (kt !== undefined) {
      into.showKey(kt);
      return true;
    }
    const base = this.base;
    if (base === null) return false;
    const k = base.find(key, hash);
    if (k < 0) return false;
    into.showBase(base, k);
    return true;
  }

  /** Calls `f` with a view of every key's history (one view object, re-pointed). */
  forEachHistory(f: (h: History) => void): void {
    const view = new History();
    this.keys.forEach((kt) => {
      view.showKey(kt);
      f(view);
    });
    const base = this.base;
    if (base === null) return;
    for (let k = 0; k < base.keys.length; k++) {
      if (!base.holds(k)) continue;
      view.showBase(base, k);
      f(view);
    }
  }

  /**
   * Whether a batch of `size` updates would become the trace's base (`appendBase`): it
   * would be the trace's first batch, and no reader reads key history objects.
   */
  takesBase(size: number): boolean {
    return size >= BASE_MIN && this.seqCount === 0 && this.historyReaders === 0;
  }

  /**
   * Appends `batch` (all at `time`) as the trace's first batch, kept as its base
   * (trace-base.ts: sorted by key hash, grouped by key, consolidated); returns the
   * batch's delta, key by key: in hash order for interned keys, in the batch's order for
   * fresh key objects (see `baseDelta`). Only when `takesBase`.
   */
  appendBase(batch: Batch, time: Time): ArrangedBatch {
    if (!this.takesBase(batch.size)) throw new RangeError('trace: a base goes only into an empty trace');
    const seq = this.seqCount++;
    const hashes = hashesOf(batch.keys);
    const built = buildBase(batch.keys, hashes, batch.vals, batch.diffs, time, seq);
    if (built === null) return new ArrangedBatch([], [], [], null, seq, new Int32Array(0));
    const base = built.base;
    this.base = base;
    this.records += base.data.length / STRIDE;
    // Interned keys go on in hash order, so readers walk their tables front to back; fresh
    // key objects in the batch's order, where they lie in memory (as arrange.ts does).
    return baseDelta(built, seq, isInterned(base.keys[0] as Value) ? null : batch, hashes);
  }

  // Moves `key` out of the base into a history object of its own (in the key table):
  // the state a key has after one batch and no compaction. Undefined if not in the base.
  private moveFromBase(key: Value, hash: number): KeyTrace | undefined {
    const base = this.base;
    if (base === null) return undefined;
    const k = base.find(key, hash);
    if (k < 0) return undefined;
    const kt = this.moveKey(base, k);
    // Once most keys have moved, the base is copied without them (their columns freed).
    if (base.movedCount * 2 > base.keys.length) this.base = base.withoutMoved();
    return kt;
  }

  // Moves key k of `base` into a history object of its own, in the key table.
  private moveKey(base: TraceBase, k: number): KeyTrace {
    const kt = new KeyTrace(base.keys[k] as Value, base.hashes[k] as number);
    kt.data = base.data.slice(base.starts[k], base.starts[k + 1]);
    kt.blocks = 1;
    base.move(k);
    this.keys.insert(kt);
    return kt;
  }

  // Moves every key left in the base into a history object of its own (for a reader of
  // history objects); drops the base.
  private dissolveBase(): void {
    const base = this.base;
    if (base === null) return;
    this.keys.reserve(base.liveKeys);
    for (let k = 0; k < base.keys.length; k++) if (base.holds(k)) this.moveKey(base, k);
    this.base = null;
  }

  /** Makes room for `n` more keys at once (one resize instead of many while appending). */
  reserve(n: number): void {
    this.keys.reserve(n);
  }

  /** Distinct keys held. */
  get keyCount(): number {
    return this.keys.size + (this.base === null ? 0 : this.base.liveKeys);
  }

  /**
   * Registers a new reader; it has consumed nothing yet. A reader of key history objects
   * (`ArrangedBatch.refs`, `find`: a reducer) makes the trace keep every key in one.
   */
  addReader(readsHistoryObjects = false): Reader {
    if (readsHistoryObjects) {
      this.historyReaders++;
      this.dissolveBase();
    }
    const r = new Reader();
    this.readers.push(r);
    return r;
  }

  /** Unregisters a reader so it no longer holds compaction back. */
  removeReader(r: Reader): void {
    const i = this.readers.indexOf(r);
    if (i >= 0) this.readers.splice(i, 1);
  }

  /** The number of registered readers. */
  get readerCount(): number {
    return this.readers.length;
  }

  /** Starts a batch; returns its number. */
  openBatch(): number {
    if (this.openSeq >= 0) throw new RangeError(`trace: batch ${this.openSeq} is still open`);
    this.openSeq = this.seqCount++;
    this.openEntries = 0;
    return this.openSeq;
  }

  /** Adds one update at `time` to the open batch. */
  add(kt: KeyTrace, val: Value, time: Time, diff: number): void {
    const seq = this.openSeq;
    if (kt.blockSeq !== seq) {
      kt.blockSeq = seq;
      kt.blockStart = kt.data.length;
      if (++kt.blocks === LONG_TAIL) this.longTails++;
      this.touched.push(kt);
      if (!kt.dirty) {
        kt.dirty = true;
        this.dirty.push(kt);
      }
    }
    // A fresh key gets an array of exactly one entry (push would reserve ~4x that).
    if (kt.data.length === 0) kt.data = [val, time, diff, seq];
    else kt.data.push(val, time, diff, seq);
    this.records++;
    this.openEntries++;
  }

  /**
   * A whole batch of one update (`openBatch`, `obtain`, `add`, `closeBatch`), without the
   * bookkeeping a batch of many keys needs: the common tick of an arrangement. A zero
   * `diff` makes an empty batch (and no key).
   */
  appendOne(key: Value, hash: number, val: Value, time: Time, diff: number): ArrangedBatch {
    if (this.openSeq >= 0) throw new RangeError(`trace: batch ${this.openSeq} is still open`);
    const seq = this.seqCount++;
    // The delta's arrays are of the kinds `closeBatch` makes, so readers meet one kind.
    const keys = sizedObjectArray<Value>(1);
    const vals = sizedObjectArray<Value>(1);
    const diffs = new Array<number>(1);
    const refs = sizedObjectArray<KeyTrace>(1);
    if (diff === 0) {
      keys.length = 0;
      vals.length = 0;
      diffs.length = 0;
      refs.length = 0;
      return new ArrangedBatch(keys, vals, diffs, refs, seq);
    }
    const kt = this.obtain(key, hash);
    kt.blockSeq = seq;
    if (++kt.blocks === LONG_TAIL) this.longTails++;
    if (!kt.dirty) {
      kt.dirty = true;
      this.dirty.push(kt);
    }
    const d = kt.data;
    if (d.length === 0) kt.data = [val, time, diff, seq];
    else d.push(val, time, diff, seq);
    this.records++;
    keys[0] = kt.key;
    vals[0] = val;
    diffs[0] = diff;
    refs[0] = kt;
    return new ArrangedBatch(keys, vals, diffs, refs, seq);
  }

  /**
   * Closes the open batch (all of it at one time), consolidating each key's block — unless
   * the writer promises `consolidated` blocks (a reducer's corrections: one per val).
   */
  closeBatch(consolidated = false): ArrangedBatch {
    const seq = this.openSeq;
    this.openSeq = -1;
    const touched = this.touched;
    this.touched = objectArray();
    // The delta has at most one update per entry added: its arrays are sized for that.
    const n = this.openEntries;
    const keys = sizedObjectArray<Value>(n);
    const vals = sizedObjectArray<Value>(n);
    const diffs = new Array<number>(n);
    const refs = sizedObjectArray<KeyTrace>(n);
    const size = this.collectBlocks(touched, keys, vals, diffs, refs, consolidated);
    if (size < n) {
      keys.length = size;
      vals.length = size;
      diffs.length = size;
      refs.length = size;
    }
    return new ArrangedBatch(keys, vals, diffs, refs, seq);
  }

  // Writes every touched key's consolidated block into the arrays; returns how many
  // updates. The loop is alone in its function: a huge first batch gets it
  // on-stack-replaced by V8 before any code after it has run, and such code (without type
  // feedback) would deoptimize on every call.
  private collectBlocks(
    touched: readonly KeyTrace[],
    keys: Value[],
    vals: Value[],
    diffs: number[],
    refs: KeyTrace[],
    consolidated: boolean,
  ): number {
    let w = 0;
    for (let k = 0; k < touched.length; k++) {
      const kt = touched[k] as KeyTrace;
      const d = kt.data;
      const start = kt.blockStart;
      if (d.length - start === STRIDE) {
        // The common case: one update for this key in this batch.
        if (d[start + 2] === 0) {
          d.length = start;
          this.records--;
          continue;
        }
        keys[w] = kt.key;
        vals[w] = d[start] as Value;
        diffs[w] = d[start + 2] as number;
        refs[w] = kt;
        w++;
        continue;
      }
      if (!consolidated) this.consolidateBlock(kt, start);
      for (let i = start; i < d.length; i += STRIDE) {
        keys[w] = kt.key;
        vals[w] = d[i] as Value;
        diffs[w] = d[i + 2] as number;
        refs[w] = kt;
        w++;
      }
    }
    return w;
  }

  // Merges equal vals within one key's block (all entries share time and seq).
  private consolidateBlock(kt: KeyTrace, start: number): void {
    const d = kt.data;
    const end = consolidateBlock(d, start, d.length);
    if (end === d.length) return;
    this.records -= (d.length - end) / STRIDE;
    d.length = end;
  }

  /**
   * Compacts to the frontier `[[epoch]]` (see `compact`) once enough has accumulated:
   * `LAZY_KEYS` keys waiting (a load compacts at once), or one key with `LONG_TAIL` batches
   * since its last compaction. The engine calls it every tick, for traces whose times are
   * epochs (published ones, and a root's, `[e, c1]`); a tick that changes a few keys then costs no compaction,
   * the work is done in batches, and no key's uncompacted tail (which its readers scan)
   * grows long. Memory stays bounded by the live contents plus that tail per waiting key.
   */
  compactLazily(epoch: number): void {
    if (this.dirty.length < LAZY_KEYS && this.longTails === 0) return;
    this.compact([[epoch]]);
  }

  /**
   * Compacts the history every reader has consumed: times are advanced by `frontier`
   * (see `advance`), equal `(val, time)` consolidated, zeros dropped, empty keys forgotten.
   * Only keys touched since the last compaction are visited.
   */
  compact(frontier: readonly Time[]): void {
    if (this.dirty.length === 0) return;
    let minCursor = this.seqCount;
    for (const r of this.readers) if (r.cursor < minCursor) minCursor = r.cursor;
    const advancer = new Advancer(frontier);
    // The dirty list is swapped out before the loop and nothing follows the loop: a huge
    // first compaction gets this loop on-stack-replaced by V8 before any code after it has
    // run, and such code (lacking type feedback) would deoptimize on every later call.
    const dirty = this.dirty;
    const stillDirty: KeyTrace[] = [];
    this.dirty = stillDirty;
    this.longTails = 0;
    for (let i = 0; i < dirty.length; i++) {
      const kt = dirty[i] as KeyTrace;
      if (this.compactKey(kt, minCursor, advancer)) kt.dirty = false;
      else stillDirty.push(kt);
    }
  }

  // Compacts one key; false when some of its entries are not yet consumed by every reader.
  private compactKey(kt: KeyTrace, minCursor: number, advancer: Advancer): boolean {
    kt.blocks = 0;
    const d = kt.data;
    const end = kt.visibleEnd(minCursor);
    // A never-compacted key holds blocks consolidated by closeBatch. If it is one block,
    // or its blocks lie at rising times of one epoch and the frontier is an epoch,
    // advancing would only relabel times (raising the epoch coordinate alone) and merge
    // nothing, which changes no answer at times ≥ the frontier (what `advance`
    // guarantees); so it is left as it is — a load's keys cost nothing here, inside loops
    // too. One block is also a settled prefix (at one time). A later compaction advances it.
    if (kt.settled < 0 && end > 0) {
      const oneBlock = d[3] === d[end - 1];
      if (oneBlock || (advancer.epochOnly && risingInOneEpoch(d, end))) {
        if (oneBlock) kt.settled = end;
        return end === d.length;
      }
    }
    // A settled prefix is at one time (its seqs are 0 already): advance that time once.
    let from = 0;
    if (kt.settled > 0) {
      const a = advancer.advance(d[1] as Time);
      for (let i = 1; i < kt.settled; i += STRIDE) d[i] = a;
      from = kt.settled;
    }
    for (let i = from; i < end; i += STRIDE) {
      d[i + 1] = advancer.advance(d[i + 1] as Time);
      d[i + 3] = 0;
    }
    let kept: number;
    // A consolidated one-time prefix plus a few new entries, all at one time now: merge
    // the new entries into the prefix by val instead of sorting everything again.
    if (kt.settled > 0 && small(kt.settled, end) && oneTime(d, end)) kept = mergeTail(d, kt.settled, end);
    else kept = consolidateEntries(d, end);
    if (kept < end) {
      this.records -= (end - kept) / STRIDE;
      d.copyWithin(kept, end);
      d.length -= end - kept;
    }
    kt.settled = oneTime(d, kept) ? kept : 0;
    if (d.length === 0) {
      this.keys.delete(kt);
      return true;
    }
    return kt.visibleEnd(minCursor) === d.length;
  }

  /**
   * Everything in the trace as one batch, each key's entries summed over all times (zeros
   * dropped), numbered so that consuming it makes every current entry history. This is
   * what a new reader of an existing trace (an importer) receives first. Null when empty.
   */
  snapshot(): ArrangedBatch | null {
    if (this.seqCount === 0) return null;
    const keys: Value[] = [];
    const vals: Value[] = [];
    const diffs: number[] = [];
    // Without a base every key has its history object, which readers of them need.
    if (this.base === null) {
      const refs: KeyTrace[] = [];
      this.keys.forEach((kt) => {
        const n = sumByVal(kt.data, 0, kt.data.length, false);
        for (let i = 0; i < n; i++) {
          keys.push(kt.key);
          vals.push(scratchVals[i] as Value);
          diffs.push(scratchDiffs[i] as number);
          refs.push(kt);
        }
      });
      return new ArrangedBatch(keys, vals, diffs, refs, this.seqCount - 1);
    }
    const hashes: number[] = [];
    this.forEachHistory((h) => {
      const n = sumByVal(h.data, h.lo, h.hi, false);
      for (let i = 0; i < n; i++) {
        keys.push(h.key);
        vals.push(scratchVals[i] as Value);
        diffs.push(scratchDiffs[i] as number);
        hashes.push(h.hash);
      }
    });
    return new ArrangedBatch(keys, vals, diffs, null, this.seqCount - 1, Int32Array.from(hashes));
  }
}

// `advance(t, frontier)` for one compaction, remembered per time object (entries share
// time objects, so the last one answers most calls).
class Advancer {
  private readonly seen = new Map<Time, Time>();
  private lastFrom: Time | null = null;
  private lastTo: Time | null = null;

  /** True when the frontier is one epoch `[e]`: advancing then raises only the epoch coordinate. */
  readonly epochOnly: boolean;

  constructor(private readonly frontier: readonly Time[]) {
    this.epochOnly = frontier.length === 1 && (frontier[0] as Time).length === 1;
  }

  advance(t: Time): Time {
    if (t === this.lastFrom) return this.lastTo as Time;
    let a = this.seen.get(t);
    if (a === undefined) {
      a = advance(t, this.frontier);
      this.seen.set(t, a);
    }
    this.lastFrom = t;
    this.lastTo = a;
    return a;
  }
}

// See layouts.ts: a trace, a delta it sends, and the helper of its compactions.
keepLayout(new Trace());
keepLayout(new ArrangedBatch([], [], [], [], 0));
keepLayout(new Advancer([[0]]));

// Below this many updates a first batch is kept as key histories, not as a base.
const BASE_MIN = 1;

// A base's whole contents as the delta of the batch that made it, key by key: in the
// base's (hash) order, or — given the batch and its keys' hashes — in the batch's order.
function baseDelta(
  built: BuiltBase,
  seq: number,
  batch: Batch | null,
  batchHashes: Int32Array,
): ArrangedBatch {
  const n = built.base.data.length / STRIDE;
  const keys = sizedObjectArray<Value>(n);
  const vals = sizedObjectArray<Value>(n);
  const diffs = new Array<number>(n);
  const hashes = new Int32Array(n);
  if (batch === null) fillDelta(built.base, keys, vals, diffs, hashes);
  else fillDeltaInBatchOrder(built, batch, batchHashes, keys, vals, diffs, hashes);
  return new ArrangedBatch(keys, vals, diffs, null, seq, hashes);
}

// Writes every entry of `base` into the delta's columns (a loop alone: see `collectBlocks`).
function fillDelta(base: TraceBase, keys: Value[], vals: Value[], diffs: number[], hashes: Int32Array): void {
  let w = 0;
  for (let k = 0; k < base.keys.length; k++) w = copyKey(base, k, keys, vals, diffs, hashes, w);
}

// The same in the batch's order: each kept key at its first update. A key's only update,
// kept as it is (`SOLO`), is copied from the batch itself, which is read in sequence;
// other keys' entries come from their place in the base.
function fillDeltaInBatchOrder(
  built: BuiltBase,
  batch: Batch,
  batchHashes: Int32Array,
  keys: Value[],
  vals: Value[],
  diffs: number[],
  hashes: Int32Array,
): void {
  const firstAt = built.firstAt;
  let w = 0;
  for (let i = 0; i < firstAt.length; i++) {
    const k = firstAt[i] as number;
    if (k === SOLO) {
      keys[w] = batch.keys[i] as Value;
      vals[w] = batch.vals[i] as Value;
      diffs[w] = batch.diffs[i] as number;
      hashes[w] = batchHashes[i] as number;
      w++;
    } else if (k >= 0) w = copyKey(built.base, k, keys, vals, diffs, hashes, w);
  }
}

// Writes key k's entries of `base` into the delta's columns from slot `w`; returns the next slot.
function copyKey(
  base: TraceBase,
  k: number,
  keys: Value[],
  vals: Value[],
  diffs: number[],
  hashes: Int32Array,
  w: number,
): number {
  const d = base.data;
  const key = base.keys[k] as Value;
  const hash = base.hashes[k] as number;
  const end = base.starts[k + 1] as number;
  for (let e = base.starts[k] as number; e < end; e += STRIDE) {
    keys[w] = key;
    vals[w] = d[e] as Value;
    diffs[w] = d[e + 2] as number;
    hashes[w] = hash;
    w++;
  }
  return w;
}

/**
 * Sums the entries in slots `[lo, end)` of `d` by val, ignoring time, into the module's
 * scratch arrays (read them with `scratchVal`/`scratchDiff`); returns how many non-zero pairs.
 */
export function sumByVal(d: readonly Value[], lo: number, end: number, sorted: boolean): number {
  scratchVals.length = 0;
  scratchDiffs.length = 0;
  for (let i = lo; i < end; i += STRIDE) {
    scratchVals.push(d[i] as Value);
    scratchDiffs.push(d[i + 2] as number);
  }
  return consolidateVals(scratchVals, scratchDiffs, 0, scratchVals.length, sorted);
}

/** The i-th val summed by the last `sumByVal`. */
export function scratchVal(i: number): Value {
  return scratchVals[i] as Value;
}

/** The i-th diff summed by the last `sumByVal`. */
export function scratchDiff(i: number): number {
  return scratchDiffs[i] as number;
}

// Below this many entries a quadratic merge beats sorting.
const SMALL_KEY = 8;

/**
 * Consolidates the entries in slots `[0, end)` of `d` by `(val, time)` in place (their seq
 * slots must already agree); returns the slot index where the consolidated prefix ends.
 */
function consolidateEntries(d: Value[], end: number): number {
  const n = end / STRIDE;
  if (n === 0) return 0;
  if (n === 1) return d[2] === 0 ? 0 : end;
  if (n <= SMALL_KEY) {
    let w = 0;
    for (let i = 0; i < end; i += STRIDE) {
      const v = d[i] as Value;
      const t = d[i + 1] as Time;
      let j = 0;
      while (j < w && !(timeEquals(d[j + 1] as Time, t) && equalValues(d[j] as Value, v))) j += STRIDE;
      if (j < w) d[j + 2] = (d[j + 2] as number) + (d[i + 2] as number);
      else {
        if (w !== i) {
          d[w] = v;
          d[w + 1] = t;
          d[w + 2] = d[i + 2] as number;
          d[w + 3] = d[i + 3] as number;
        }
        w += STRIDE;
      }
    }
    return dropZeros(d, w);
  }
  const idx: number[] = [];
  for (let i = 0; i < end; i += STRIDE) idx.push(i);
  idx.sort(
    (a, b) => compareValues(d[a] as Value, d[b] as Value) || compareLex(d[a + 1] as Time, d[b + 1] as Time),
  );
  const out: Value[] = [];
  for (const i of idx) {
    const last = out.length - STRIDE;
    if (
      last >= 0 &&
      timeEquals(out[last + 1] as Time, d[i + 1] as Time) &&
      equalValues(out[last] as Value, d[i] as Value)
    ) {
      out[last + 2] = (out[last + 2] as number) + (d[i + 2] as number);
    } else out.push(d[i] as Value, d[i + 1] as Value, d[i + 2] as number, d[i + 3] as number);
  }
  for (let i = 0; i < out.length; i++) d[i] = out[i] as Value;
  return dropZeros(d, out.length);
}

// True when the entries [0, end) share their epoch (first time coordinate) and each block's
// time lies above the previous block's, so no two blocks share a time.
function risingInOneEpoch(d: readonly Value[], end: number): boolean {
  let t = d[1] as Time;
  const epoch = t[0];
  for (let i = STRIDE + 1; i < end; i += STRIDE) {
    const u = d[i] as Time;
    if (u === t) continue;
    if (u[0] !== epoch || compareLex(u, t) <= 0) return false;
    t = u;
  }
  return true;
}

// True when the entries in slots [0, end) all have one time.
function oneTime(d: readonly Value[], end: number): boolean {
  const t = d[1] as Time;
  for (let i = STRIDE + 1; i < end; i += STRIDE) {
    const u = d[i] as Time;
    if (u !== t && !timeEquals(u, t)) return false;
  }
  return true;
}

// Whether merging the entries [prefix, end) into [0, prefix) pairwise is cheap enough.
function small(prefix: number, end: number): boolean {
  return ((end - prefix) / STRIDE) * (prefix / STRIDE) <= 256;
}

/**
 * Merges the entries in slots [prefix, end) into the consolidated prefix [0, prefix) by
 * val (every entry has the same time and seq), drops zeros; returns the new end.
 */
function mergeTail(d: Value[], prefix: number, end: number): number {
  let w = prefix;
  for (let i = prefix; i < end; i += STRIDE) {
    const v = d[i] as Value;
    let j = 0;
    while (j < w && !equalValues(d[j] as Value, v)) j += STRIDE;
    if (j < w) d[j + 2] = (d[j + 2] as number) + (d[i + 2] as number);
    else {
      if (w !== i) {
        d[w] = v;
        d[w + 1] = d[i + 1] as Value;
        d[w + 2] = d[i + 2] as number;
        d[w + 3] = d[i + 3] as number;
      }
      w += STRIDE;
    }
  }
  return dropZeros(d, w);
}

// Removes zero-diff entries from slots [0, end); returns the new end.
function dropZeros(d: Value[], end: number): number {
  let w = 0;
  for (let i = 0; i < end; i += STRIDE) {
    if (d[i + 2] === 0) continue;
    if (w !== i) {
      d[w] = d[i] as Value;
      d[w + 1] = d[i + 1] as Value;
      d[w + 2] = d[i + 2] as number;
      d[w + 3] = d[i + 3] as number;
    }
    w += STRIDE;
  }
  return w;
}

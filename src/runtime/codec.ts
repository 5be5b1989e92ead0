/**
 * A compact binary encoding of values, batches, times and failures for crossing threads.
 *
 * Values are classes (`VariantValue`, `ListValue`) that structured cloning would strip,
 * and batches are three parallel arrays of them; both are written into one `ArrayBuffer`
 * that the transport *transfers* (no copy). Layout: a value is a tag byte then its body —
 * Int as a zigzag varint when it fits 32 bits, else as float64 (safe integers) or int64
 * (bigints); Tuple and List as a varint length then their items; Variant as a varint tag
 * then its payload; the unit tuple as its tag alone. A batch is a varint count then, per
 * update, key (or `SAME`: the previous update's key, common in join output), val, diff.
 * Decoding gives values equal (`equalValues`) to the encoded ones, with the same
 * representation (number vs bigint), the unit tuple as the shared `UNIT`, and repeated
 * keys as one shared object. Malformed input throws `CodecError`.
 */
import { Batch } from '../engine/batch.js';
import type { FailureInfo, RankedFailure } from '../engine/failure-rank.js';
import type { Time } from '../engine/time.js';
import { ListValue, UNIT, VariantValue } from '../lang/value.js';
import type { Value } from '../lang/value.js';

/** Thrown when a buffer does not hold what it should. */
export class CodecError extends Error {
  override name = 'CodecError';
}

const T_INT = 0;
const T_NUM = 1;
const T_BIG = 2;
const T_TUPLE = 3;
const T_VARIANT = 4;
const T_LIST = 5;
const T_UNIT = 6;
const T_SAME = 7;

/** A growable byte buffer with the writers the encodings need. */
class Writer {
  private bytes: Uint8Array;
  private view: DataView;
  /** Bytes written. */
  length = 0;

  constructor(capacity: number) {
    this.bytes = new Uint8Array(Math.max(16, capacity));
    this.view = new DataView(this.bytes.buffer);
  }

  private reserve(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.length + n) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
    this.view = new DataView(grown.buffer);
  }

  u8(b: number): void {
    this.reserve(1);
    this.bytes[this.length++] = b;
  }

  /** An unsigned integer below 2^53, 7 bits per byte. */
  varint(n: number): void {
    this.reserve(8);
    const bytes = this.bytes;
    while (n >= 0x80) {
      bytes[this.length++] = (n & 0x7f) | 0x80;
      n = Math.floor(n / 128);
    }
    bytes[this.length++] = n;
  }

  f64(n: number): void {
    this.reserve(8);
    this.view.setFloat64(this.length, n, true);
    this.length += 8;
  }

  i64(n: bigint): void {
    this.reserve(8);
    this.view.setBigInt64(this.length, n, true);
    this.length += 8;
  }

  value(v: Value): void {
    if (typeof v === 'number') {
      if ((v | 0) === v) {
        this.u8(T_INT);
        this.varint(((v << 1) ^ (v >> 31)) >>> 0);
      } else {
        this.u8(T_NUM);
        this.f64(v);
      }
    } else if (typeof v === 'bigint') {
      this.u8(T_BIG);
      this.i64(v);
    } else if (Array.isArray(v)) {
      const items = v as readonly Value[];
      if (items.length === 0) {
        this.u8(T_UNIT);
        return;
      }
      this.u8(T_TUPLE);
      this.varint(items.length);
      for (let i = 0; i < items.length; i++) this.value(items[i] as Value);
    } else if (v instanceof VariantValue) {
      this.u8(T_VARIANT);
      this.varint(v.tag);
      this.value(v.payload);
    } else {
      const items = (v as ListValue).items;
      this.u8(T_LIST);
      this.varint(items.length);
      for (let i = 0; i < items.length; i++) this.value(items[i] as Value);
    }
  }

  /** The written bytes as an exactly sized buffer (transferable). */
  finish(): ArrayBuffer {
    return this.bytes.buffer.slice(0, this.length) as ArrayBuffer;
  }
}

/** Reads what `Writer` wrote. */
class Reader {
  private readonly bytes: Uint8Array;
  private readonly view: DataView;
  private pos = 0;

  constructor(buffer: ArrayBuffer) {
    this.bytes = new Uint8Array(buffer);
    this.view = new DataView(buffer);
  }

  get done(): boolean {
    return this.pos === this.bytes.length;
  }

  u8(): number {
    if (this.pos >= this.bytes.length) throw new CodecError(`buffer ends at byte ${this.pos}`);
    return this.bytes[this.pos++] as number;
  }

  varint(): number {
    let n = 0;
    let scale = 1;
    for (;;) {
      const b = this.u8();
      n += (b & 0x7f) * scale;
      if (b < 0x80) return n;
      scale *= 128;
      if (scale > 2 ** 56) throw new CodecError(`varint too long at byte ${this.pos}`);
    }
  }

  f64(): number {
    this.need(8);
    const n = this.view.getFloat64(this.pos, true);
    this.pos += 8;
    return n;
  }

  i64(): bigint {
    this.need(8);
    const n = this.view.getBigInt64(this.pos, true);
    this.pos += 8;
    return n;
  }

  private need(n: number): void {
    if (this.pos + n > this.bytes.length)
      throw new CodecError(`buffer ends inside a value at byte ${this.pos}`);
  }

  value(): Value {
    return this.tagged(this.u8());
  }

  tagged(tag: number): Value {
    switch (tag) {
      case T_INT: {
        const z = this.varint();
        return (z >>> 1) ^ -(z & 1);
      }
      case T_NUM:
        return this.f64();
      case T_BIG:
        return this.i64();
      case T_UNIT:
        return UNIT;
      case T_TUPLE: {
        const n = this.varint();
        const items: Value[] = new Array<Value>(n);
        for (let i = 0; i < n; i++) items[i] = this.value();
        return items;
      }
      case T_VARIANT: {
        const t = this.varint();
        return new VariantValue(t, this.value());
      }
      case T_LIST: {
        const n = this.varint();
        const items: Value[] = new Array<Value>(n);
        for (let i = 0; i < n; i++) items[i] = this.value();
        return new ListValue(items);
      }
      default:
        throw new CodecError(`unknown value tag ${tag} at byte ${this.pos - 1}`);
    }
  }
}

/** One value as a buffer. */
export function encodeValue(v: Value): ArrayBuffer {
  const w = new Writer(32);
  w.value(v);
  return w.finish();
}

/** The value in a buffer written by `encodeValue`. */
export function decodeValue(buffer: ArrayBuffer): Value {
  const r = new Reader(buffer);
  const v = r.value();
  if (!r.done) throw new CodecError('trailing bytes after a value');
  return v;
}

/** The updates of several batches (all at one time) as one buffer. */
export function encodeBatches(batches: readonly Batch[]): ArrayBuffer {
  let count = 0;
  for (const b of batches) count += b.size;
  // About 12 bytes per update for small tuples; the writer grows if needed.
  const w = new Writer(8 + count * 12);
  w.varint(count);
  let lastKey: Value | null = null;
  for (const b of batches) {
    const keys = b.keys;
    const vals = b.vals;
    const diffs = b.diffs;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as Value;
      if (key === lastKey) w.u8(T_SAME);
      else {
        w.value(key);
        lastKey = key;
      }
      w.value(vals[i] as Value);
      w.value(diffs[i] as number);
    }
  }
  return w.finish();
}

/** The updates in a buffer written by `encodeBatches`, as one batch. */
export function decodeBatch(buffer: ArrayBuffer): Batch {
  const r = new Reader(buffer);
  const n = r.varint();
  const keys: Value[] = new Array<Value>(n);
  const vals: Value[] = new Array<Value>(n);
  const diffs: number[] = new Array<number>(n);
  let lastKey: Value | null = null;
  for (let i = 0; i < n; i++) {
    const tag = r.u8();
    if (tag === T_SAME) {
      if (lastKey === null) throw new CodecError('a repeated key before any key');
    } else lastKey = r.tagged(tag);
    keys[i] = lastKey;
    vals[i] = r.value();
    const diff = r.value();
    if (typeof diff !== 'number') throw new CodecError(`update ${i} has a non-number diff`);
    diffs[i] = diff;
  }
  if (!r.done) throw new CodecError('trailing bytes after a batch');
  return new Batch(keys, vals, diffs);
}

/** A failure as plain, structured-cloneable data (row values encoded). */
export interface WireFailure {
  readonly position: readonly number[];
  readonly kind: FailureInfo['kind'];
  readonly message: string;
  readonly span?: { readonly start: number; readonly end: number };
  /** `[key, val]` encoded with `encodeBatches`-style values, when the failure names a row. */
  readonly row?: ArrayBuffer;
  readonly time?: readonly number[];
  readonly scope?: string;
  readonly upstream?: number;
}

/** A ranked failure for the wire. */
export function encodeFailure(r: RankedFailure): WireFailure {
  const f = r.failure;
  let row: ArrayBuffer | undefined;
  if (f.row !== undefined) {
    const w = new Writer(32);
    w.value(f.row.key);
    w.value(f.row.val);
    row = w.finish();
  }
  return {
    position: [...r.position],
    kind: f.kind,
    message: f.message,
    ...(f.span === undefined ? {} : { span: { start: f.span.start, end: f.span.end } }),
    ...(row === undefined ? {} : { row }),
    ...(f.time === undefined ? {} : { time: [...f.time] }),
    ...(f.scope === undefined ? {} : { scope: f.scope }),
    ...(f.upstream === undefined ? {} : { upstream: f.upstream }),
  };
}

/** The ranked failure a `WireFailure` stands for. */
export function decodeFailure(w: WireFailure): RankedFailure {
  let row: { key: Value; val: Value } | undefined;
  if (w.row !== undefined) {
    const r = new Reader(w.row);
    const key = r.value();
    row = { key, val: r.value() };
  }
  const failure: FailureInfo = {
    kind: w.kind,
    message: w.message,
    ...(w.span === undefined ? {} : { span: w.span }),
    ...(row === undefined ? {} : { row }),
    ...(w.time === undefined ? {} : { time: w.time }),
    ...(w.scope === undefined ? {} : { scope: w.scope }),
    ...(w.upstream === undefined ? {} : { upstream: w.upstream }),
  };
  return { failure, position: w.position };
}

/** A time as plain data (times are arrays of small integers already). */
export function timeToWire(t: Time | undefined): number[] | null {
  return t === undefined ? null : [...t];
}

/** The time `timeToWire` wrote. */
export function timeFromWire(t: readonly number[] | null): Time | undefined {
  return t === null ? undefined : t;
}

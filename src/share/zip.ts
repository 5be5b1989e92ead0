/**
 * A tiny zip writer, pure: text files in, the bytes of a `.zip` archive out.
 *
 * Entries are stored uncompressed (method 0, STORE): session bundles are a few kilobytes,
 * and STORE needs no deflate implementation. Names are UTF-8 (general-purpose flag bit
 * 11), every entry carries its CRC-32, and the archive is the plain layout of
 * APPNOTE.TXT: local headers with data, then the central directory, then the end record.
 * No zip64: an archive is refused past 4 GB or 65,535 entries, far beyond any session.
 * `crc32` and `utf8` are exported for tests and other writers.
 */

/** One file of the archive: its path inside (forward slashes) and its text. */
export interface ZipEntry {
  readonly path: string;
  readonly text: string;
}

/** CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320) lookup table. */
const CRC_TABLE = ((): Uint32Array => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** The CRC-32 of `bytes` (as zip, gzip and PNG compute it). */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** UTF-8 bytes of `text` (lone surrogates become U+FFFD, as TextEncoder does). */
export function utf8(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

/** MS-DOS time and date words of `date` (local time; 2-second resolution; 1980 at the earliest). */
function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.max(1980, Math.min(2107, date.getFullYear()));
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

/** A growable little-endian byte buffer. */
class Bytes {
  private readonly parts: Uint8Array[] = [];
  length = 0;

  u16(n: number): void {
    this.raw(Uint8Array.of(n & 0xff, (n >>> 8) & 0xff));
  }
  u32(n: number): void {
    this.raw(Uint8Array.of(n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff));
  }
  raw(bytes: Uint8Array): void {
    this.parts.push(bytes);
    this.length += bytes.length;
  }
  concat(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const p of this.parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }
}

const UTF8_NAMES = 0x0800;
const VERSION = 20; // 2.0: the minimum for a plain stored file
const MADE_BY_UNIX = (3 << 8) | VERSION; // so unzip applies the permissions below
const FILE_MODE = 0o100644;

/**
 * The bytes of a zip archive holding `entries` in order (see the module header).
 * `modified` stamps every entry (default: 1980-01-01, so equal inputs give equal bytes).
 * Throws (misuse) on an empty or absolute path, or a duplicate one.
 */
export function zipStore(entries: readonly ZipEntry[], modified: Date = new Date(1980, 0, 1)): Uint8Array {
  const stamp = dosDateTime(modified);
  const out = new Bytes();
  const central = new Bytes();
  const seen = new Set<string>();
  if (entries.length > 0xffff) throw new Error(`zipStore: ${entries.length} entries need zip64`);
  for (const entry of entries) {
    if (entry.path === '' || entry.path.startsWith('/') || entry.path.includes('\\')) {
      throw new Error(`zipStore: "${entry.path}" is not a relative path with forward slashes`);
    }
    if (seen.has(entry.path)) throw new Error(`zipStore: "${entry.path}" twice`);
    seen.add(entry.path);
    const name = utf8(entry.path);
    const data = utf8(entry.text);
    const crc = crc32(data);
    const offset = out.length;
    // Local file header.
    out.u32(0x04034b50);
    out.u16(VERSION);
    out.u16(UTF8_NAMES);
    out.u16(0); // method: STORE
    out.u16(stamp.time);
    out.u16(stamp.date);
    out.u32(crc);
    out.u32(data.length);
    out.u32(data.length);
    out.u16(name.length);
    out.u16(0); // no extra field
    out.raw(name);
    out.raw(data);
    // Its central directory record.
    central.u32(0x02014b50);
    central.u16(MADE_BY_UNIX);
    central.u16(VERSION);
    central.u16(UTF8_NAMES);
    central.u16(0);
    central.u16(stamp.time);
    central.u16(stamp.date);
    central.u32(crc);
    central.u32(data.length);
    central.u32(data.length);
    central.u16(name.length);
    central.u16(0); // extra
    central.u16(0); // comment
    central.u16(0); // disk
    central.u16(0); // internal attributes
    central.u32((FILE_MODE << 16) >>> 0);
    central.u32(offset);
    central.raw(name);
    if (out.length > 0xffffffff) throw new Error('zipStore: the archive needs zip64');
  }
  const centralOffset = out.length;
  out.raw(central.concat());
  // End of central directory.
  out.u32(0x06054b50);
  out.u16(0);
  out.u16(0);
  out.u16(entries.length);
  out.u16(entries.length);
  out.u32(central.length);
  out.u32(centralOffset);
  out.u16(0); // comment
  return out.concat();
}

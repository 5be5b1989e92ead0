/**
 * A small zip reader for tests, written from APPNOTE.TXT independently of the writer
 * (src/share/zip.ts): walks the central directory, checks each local header, the STORE
 * method, the UTF-8 name flag and every CRC-32, and answers the files as text. Throws
 * with the offending entry on any mismatch.
 */
import { crc32 } from '../src/share/zip.js';

/** One file read back from an archive. */
export interface ReadEntry {
  readonly path: string;
  readonly text: string;
}

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`readZip: ${what}`);
}

/** The files of a STORE-only archive, in central-directory order. */
export function readZip(bytes: Uint8Array): ReadEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length - 22;
  check(view.getUint32(end, true) === 0x06054b50, 'no end-of-central-directory record');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const decode = new TextDecoder('utf-8', { fatal: true });
  const out: ReadEntry[] = [];
  for (let i = 0; i < count; i++) {
    check(view.getUint32(at, true) === 0x02014b50, `entry ${i}: no central header`);
    const nameLength = view.getUint16(at + 28, true);
    const path = decode.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    check((view.getUint16(at + 8, true) & 0x0800) === 0x0800, `${path}: name not flagged UTF-8`);
    check(view.getUint16(at + 10, true) === 0, `${path}: not STORE`);
    const crc = view.getUint32(at + 16, true);
    const size = view.getUint32(at + 20, true);
    check(view.getUint32(at + 24, true) === size, `${path}: sizes differ`);
    const skip = view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    check(view.getUint32(local, true) === 0x04034b50, `${path}: no local header`);
    check(view.getUint32(local + 14, true) === crc, `${path}: local CRC differs`);
    const dataAt = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = bytes.subarray(dataAt, dataAt + size);
    check(crc32(data) === crc, `${path}: CRC mismatch`);
    out.push({ path, text: decode.decode(data) });
    at += 46 + nameLength + skip;
  }
  return out;
}

// The zip writer's archives read back: by a small reader written from APPNOTE.TXT
// (tests/zip-reader.ts: headers, sizes, CRC-32, UTF-8 names) and by Info-ZIP's `unzip` when it is installed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crc32, utf8, zipStore } from './zip.js';
import { readZip } from '../../tests/zip-reader.js';

function hasUnzip(): boolean {
  try {
    execFileSync('unzip', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const ENTRIES = [
  { path: 'bundle/reach.ddp', text: 'export "r" = input 0;\n' },
  { path: 'bundle/session.txt', text: 'install r reach.ddp\ntick\n' },
  { path: 'bundle/ünï cödé 𝔘.txt', text: '✓ 𝔘\n' },
  { path: 'bundle/empty.txt', text: '' },
];

describe('crc32 and utf8', () => {
  it('match the published check values and TextEncoder', () => {
    expect(crc32(utf8('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
    for (const s of ['', 'abc', 'é', '✓', '𝔘', 'a\ud800b', '\udc00', 'mixed ü 𝔘 ✓ \u0000']) {
      expect([...utf8(s)]).toEqual([...new TextEncoder().encode(s)]);
    }
  });
});

describe('zipStore', () => {
  it('writes an archive whose entries read back with their CRCs', () => {
    expect(readZip(zipStore(ENTRIES))).toEqual(ENTRIES);
  });

  it('is deterministic for equal inputs, and stamps the given time', () => {
    expect(zipStore(ENTRIES)).toEqual(zipStore(ENTRIES));
    const stamped = zipStore(ENTRIES, new Date(2024, 5, 7, 8, 9, 10));
    const view = new DataView(stamped.buffer);
    expect(view.getUint16(12, true)).toBe(((2024 - 1980) << 9) | (6 << 5) | 7);
    expect(view.getUint16(10, true)).toBe((8 << 11) | (9 << 5) | 5);
  });

  it('refuses absolute, backslashed and duplicate paths', () => {
    expect(() => zipStore([{ path: '/etc/x', text: '' }])).toThrow(/relative path/);
    expect(() => zipStore([{ path: 'a\\b', text: '' }])).toThrow(/relative path/);
    expect(() =>
      zipStore([ENTRIES[0] ?? { path: 'a', text: '' }, ENTRIES[0] ?? { path: 'a', text: '' }]),
    ).toThrow(/twice/);
  });

  it.runIf(hasUnzip())('is read by Info-ZIP unzip: listed, tested and extracted', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ddir-zip-'));
    try {
      const file = join(dir, 'bundle.zip');
      writeFileSync(file, zipStore(ENTRIES));
      expect(execFileSync('unzip', ['-tq', file], { encoding: 'utf8' })).toContain('No errors detected');
      const listing = execFileSync('unzip', ['-l', file], { encoding: 'utf8' });
      expect(listing).toContain('bundle/session.txt');
      expect(listing).toMatch(/\s4 files/);
      execFileSync('unzip', ['-q', file, '-d', dir]);
      for (const e of ENTRIES) expect(readFileSync(join(dir, e.path), 'utf8')).toBe(e.text);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

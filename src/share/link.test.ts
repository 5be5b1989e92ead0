// The share-link contract of PLAYGROUND.md, pinned: the exact payload (so links made
// today open tomorrow), defaults left out, versions, unknown fields, damaged payloads
// and the size limits.
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import {
  LONG_LINK,
  MAX_FILES,
  MAX_JSON_CHARS,
  decodeShare,
  defaultScript,
  demoHash,
  encodeShare,
  hashOf,
  parseHash,
  withHash,
} from './link.js';
import type { ShareState } from './link.js';

const FILES = { 'reach.ddp': 'export "r" = input 0;\n', 'session.txt': 'install r reach.ddp\ntick\n' };
const STATE: ShareState = { files: FILES, script: 'session.txt', workers: 1, run: false };

/** The JSON a hash carries. */
function payloadJson(hash: string): unknown {
  expect(hash.startsWith('#s=')).toBe(true);
  return JSON.parse(decompressFromEncodedURIComponent(hash.slice(3))) as unknown;
}

/** A hash built by hand, as a test or a person following the documentation would. */
function handMade(json: unknown): string {
  return `#s=${compressToEncodedURIComponent(typeof json === 'string' ? json : JSON.stringify(json))}`;
}

describe('encodeShare', () => {
  it('writes the documented JSON, leaving out every default', () => {
    expect(payloadJson(encodeShare(STATE))).toEqual({ v: 1, files: FILES });
  });

  it('writes script, workers and run when they differ from the defaults', () => {
    const files = { ...FILES, 'a.txt': 'tick\n' };
    const hash = encodeShare({ files, script: 'session.txt', workers: 4, run: true });
    expect(payloadJson(hash)).toEqual({ v: 1, files, script: 'session.txt', workers: 4, run: true });
  });

  it('is exactly lz-string of the JSON, so a link made by hand is the same link', () => {
    expect(encodeShare(STATE)).toBe(handMade({ v: 1, files: FILES }));
  });

  it('round-trips any workspace', () => {
    const states: ShareState[] = [
      STATE,
      { files: { 'x.ddir': 'ünïcödé ✓ 𝔘 "quotes" \\ \n\r\t' }, script: '', workers: 64, run: true },
      { files: { ...FILES, 'b.txt': '', 'c.txt': '' }, script: 'c.txt', workers: 2, run: false },
    ];
    for (const state of states) expect(decodeShare(encodeShare(state))).toEqual({ ok: true, state });
  });
});

describe('decodeShare', () => {
  it('fills in the defaults: the first .txt file by name, one worker, no run', () => {
    const files = { 'z.txt': 'tick', 'b.txt': 'tick', 'a.ddp': 'export "a" = input 0;' };
    expect(decodeShare(handMade({ files }))).toEqual({
      ok: true,
      state: { files, script: 'b.txt', workers: 1, run: false },
    });
    expect(defaultScript({ 'a.ddp': '' })).toBe('');
  });

  it('accepts the hash with or without "#s=" and ignores unknown fields', () => {
    const hash = handMade({ v: 1, files: FILES, theme: 'dark', future: { x: [1, 2] }, run: true });
    const expected = { ok: true, state: { ...STATE, run: true } };
    expect(decodeShare(hash)).toEqual(expected);
    expect(decodeShare(hash.slice(1))).toEqual(expected);
    expect(decodeShare(hash.slice(3))).toEqual(expected);
  });

  it('reads a missing version as 1 and explains a newer one', () => {
    expect(decodeShare(handMade({ files: FILES })).ok).toBe(true);
    const newer = decodeShare(handMade({ v: 2, files: FILES }));
    expect(newer).toEqual({ ok: false, message: expect.stringContaining('newer playground (format v2') });
    for (const v of [0, 1.5, '1', null, -1]) {
      expect(decodeShare(handMade({ v, files: FILES }))).toMatchObject({ ok: false });
    }
  });

  it('explains malformed fields in a sentence', () => {
    const cases: [unknown, string][] = [
      [[1, 2], 'not a JSON object'],
      [{ v: 1 }, 'no "files"'],
      [{ files: {} }, 'no files'],
      [{ files: { 'a b.ddp': '' } }, '"a b.ddp" is not a file name'],
      [{ files: { '../x.txt': '' } }, 'not a file name'],
      [{ files: { 'notes.md': '' } }, 'not a file name'],
      [{ files: { 'a.txt': 3 } }, 'not a string'],
      [{ files: FILES, script: 'gone.txt' }, '"gone.txt", which is not one of its files'],
      [{ files: FILES, script: 7 }, 'not one of its files'],
      [{ files: FILES, workers: 0 }, '"workers" must be a whole number'],
      [{ files: FILES, workers: 2.5 }, '"workers"'],
      [{ files: FILES, workers: 65 }, '"workers"'],
      [{ files: FILES, run: 'yes' }, '"run" must be true or false'],
    ];
    for (const [json, message] of cases) {
      const result = decodeShare(handMade(json));
      expect(result).toEqual({ ok: false, message: expect.stringContaining(message) });
    }
  });

  it('never lets a file name reach a prototype', () => {
    const result = decodeShare(handMade('{"files":{"__proto__":"x","a.txt":"tick"}}'));
    expect(result.ok).toBe(false);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('says a damaged link is damaged', () => {
    const good = encodeShare(STATE);
    for (const bad of [
      '#s=',
      '#s=%%%',
      '#s=not-a-payload',
      good.slice(0, good.length / 2),
      handMade('{"files":'),
    ]) {
      const result = decodeShare(bad);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/empty|damaged|not a JSON object/);
    }
  });

  it('caps the file count and the unpacked size', () => {
    const many = Object.fromEntries(Array.from({ length: MAX_FILES + 1 }, (_, i) => [`f${i}.ddp`, '']));
    expect(decodeShare(handMade({ files: many }))).toEqual({
      ok: false,
      message: expect.stringContaining(`at most ${MAX_FILES}`),
    });
    const exactly = Object.fromEntries(Array.from({ length: MAX_FILES }, (_, i) => [`f${i}.ddp`, '']));
    expect(decodeShare(handMade({ files: exactly })).ok).toBe(true);
    // Highly repetitive text compresses to a short link that would unpack past the cap
    // (checked with a small cap: lz-string needs ~20 s to compress 5 MB of it).
    expect(MAX_JSON_CHARS).toBe(5_000_000);
    const huge = handMade({ files: { 'a.txt': 'x'.repeat(200_000) } });
    expect(huge.length).toBeLessThan(2_000);
    expect(decodeShare(huge, { maxChars: 100_000, maxFiles: MAX_FILES })).toEqual({
      ok: false,
      message: expect.stringContaining('larger than 100 kB once unpacked'),
    });
    expect(decodeShare(huge, { maxChars: 300_000, maxFiles: MAX_FILES }).ok).toBe(true);
  });

  it('keeps an ordinary workspace short enough to paste', () => {
    expect(encodeShare(STATE).length).toBeLessThan(LONG_LINK);
  });
});

describe('hashes', () => {
  it('tells share links, demo links and other hashes apart', () => {
    expect(parseHash(encodeShare(STATE))).toEqual({ kind: 'share', result: { ok: true, state: STATE } });
    expect(parseHash(demoHash('k-core'))).toEqual({ kind: 'demo', name: 'k-core' });
    expect(parseHash('#demo=%E0%A4%A')).toEqual({ kind: 'demo', name: '%E0%A4%A' });
    expect(parseHash('')).toEqual({ kind: 'none' });
    expect(parseHash('#section-2')).toEqual({ kind: 'none' });
  });

  it('puts a hash on a URL and takes it off again', () => {
    expect(withHash('https://x.test/play/?a=1#old', '#demo=reach')).toBe(
      'https://x.test/play/?a=1#demo=reach',
    );
    expect(hashOf('https://x.test/#s=abc')).toBe('#s=abc');
    expect(hashOf('https://x.test/')).toBe('');
  });
});

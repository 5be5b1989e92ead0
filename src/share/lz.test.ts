// The bounded decompressor gives lz-string's own answers, and stops at its cap.
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { compressToURIComponent, decompressBounded } from './lz.js';

/**
 * lz-string's answer, where it has a meaningful one: it throws on some damaged input and
 * goes on with `undefined` when the first command is 3 — both are a refusal (null) here.
 */
function lzString(input: string): string | null {
  const first = ALPHABET.indexOf(input.replace(/ /g, '+').charAt(0));
  if (first >= 0 && (first & 0b110000) === 0b110000) return null;
  try {
    return decompressFromEncodedURIComponent(input);
  } catch {
    return null;
  }
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';

describe('compressToURIComponent', () => {
  it('writes what lz-string writes', () => {
    const texts = ['', 'a', 'ab', 'aaaaaaaaaaaaaaaa', '{"v":1}', 'ünï 𝔘 ✓\u0000\uffff', 'tick\n'.repeat(500)];
    const varied = Array.from({ length: 3000 }, (_, i) => String.fromCharCode(32 + ((i * 7919) % 300))).join(
      '',
    );
    for (const text of [...texts, varied]) {
      expect(compressToURIComponent(text)).toBe(compressToEncodedURIComponent(text));
    }
  });
});

describe('decompressBounded', () => {
  it('inverts compressToEncodedURIComponent', () => {
    const texts = ['a', 'ab', 'aaaaaaaaaaaaaaaa', '{"v":1}', 'ünï 𝔘 ✓\u0000\uffff', 'tick\n'.repeat(500)];
    for (const text of texts) {
      expect(decompressBounded(compressToEncodedURIComponent(text), Infinity)).toBe(text);
    }
  });

  it('answers what lz-string answers for empty, truncated and damaged input', () => {
    const good = compressToEncodedURIComponent('install reach reach.ddp\ntick\n');
    const inputs = ['', 'A', 'Q', '$$$$', good.slice(0, 5), good.replace(/./, 'z'), `${good} `, 'é'];
    for (const input of inputs) expect(decompressBounded(input, Infinity)).toBe(lzString(input));
  });

  it('gives up as soon as the output passes the cap', () => {
    const payload = compressToEncodedURIComponent('x'.repeat(100_000));
    expect(decompressBounded(payload, 100_000)).toBe('x'.repeat(100_000));
    expect(decompressBounded(payload, 99_999)).toBe('too-large');
  });
});

// Share links come from strangers: `decodeShare` never throws and always answers either
// a valid workspace or a message — on random text, on random payloads, on damaged real
// links and on random JSON — and the bounded decompressor agrees with lz-string wherever
// lz-string has an answer. Runs FUZZ_RUNS cases per property (default 1,000; `npm run fuzz`
// sets 10,000).
import fc from 'fast-check';
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { decodeShare, encodeShare, parseHash } from '../../src/share/link.js';
import type { DecodeResult, ShareState } from '../../src/share/link.js';
import { compressToURIComponent, decompressBounded } from '../../src/share/lz.js';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 1000);
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';

/** A result is a valid workspace or a non-empty sentence. */
function checkResult(result: DecodeResult): void {
  if (!result.ok) {
    expect(result.message.length).toBeGreaterThan(10);
    return;
  }
  const { files, script, workers, run } = result.state;
  expect(Object.keys(files).length).toBeGreaterThan(0);
  expect(script === '' || Object.hasOwn(files, script)).toBe(true);
  expect(Number.isInteger(workers) && workers >= 1).toBe(true);
  expect(typeof run).toBe('boolean');
}

const payloadChar = fc.constantFrom(...ALPHABET, ' ', '%', '#', '=', 'é');
const payload = fc.array(payloadChar, { maxLength: 400 }).map((cs) => cs.join(''));

const fileName = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9_-]{0,8}$/), fc.constantFrom('.ddp', '.ddir', '.txt'))
  .map(([stem, ext]) => stem + ext);
const shareState: fc.Arbitrary<ShareState> = fc
  .dictionary(fileName, fc.string({ maxLength: 60 }), { minKeys: 1, maxKeys: 5 })
  .chain((files) =>
    fc.record({
      files: fc.constant(files),
      script: fc.constantFrom('', ...Object.keys(files)),
      workers: fc.integer({ min: 1, max: 64 }),
      run: fc.boolean(),
    }),
  );

describe('decodeShare never throws', () => {
  it('on random text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        checkResult(decodeShare(text));
        parseHash(text);
      }),
      { numRuns: RUNS },
    );
  });

  it('on random payloads in the link alphabet', () => {
    fc.assert(
      fc.property(payload, (p) => checkResult(decodeShare(`#s=${p}`))),
      { numRuns: RUNS },
    );
  });

  it('on real links with characters changed, cut or added', () => {
    fc.assert(
      fc.property(shareState, fc.nat(), payloadChar, fc.nat({ max: 3 }), (state, at, c, how) => {
        const link = encodeShare(state);
        const i = 3 + (at % Math.max(1, link.length - 3));
        const damaged =
          how === 0
            ? link.slice(0, i) + c + link.slice(i + 1)
            : how === 1
              ? link.slice(0, i)
              : how === 2
                ? link.slice(0, i) + c + link.slice(i)
                : link + c;
        checkResult(decodeShare(damaged));
      }),
      { numRuns: RUNS },
    );
  });

  it('on random JSON', () => {
    const field = fc.oneof(
      fc.jsonValue(),
      shareState.map((s) => s.files),
    );
    const json = fc.record(
      {
        v: fc.oneof(fc.constant(1), fc.jsonValue()),
        files: field,
        script: fc.jsonValue(),
        workers: fc.jsonValue(),
        run: fc.jsonValue(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(json, fc.jsonValue()), (j) => {
        checkResult(decodeShare(`#s=${compressToEncodedURIComponent(JSON.stringify(j) ?? 'null')}`));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('links round-trip', () => {
  it('decode(encode(state)) is the state', () => {
    fc.assert(
      fc.property(shareState, (state) => {
        expect(decodeShare(encodeShare(state))).toEqual({ ok: true, state });
      }),
      { numRuns: RUNS },
    );
  });
});

describe('the ported compressor', () => {
  it('writes what lz-string writes, and reads back', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 })),
        (text) => {
          const payload = compressToURIComponent(text);
          expect(payload).toBe(compressToEncodedURIComponent(text));
          expect(decompressBounded(payload, Infinity)).toBe(text === '' ? '' : text);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('the bounded decompressor', () => {
  it('agrees with lz-string wherever lz-string answers', () => {
    fc.assert(
      fc.property(payload, (p) => {
        const first = ALPHABET.indexOf(p.replace(/ /g, '+').charAt(0));
        let expected: string | null;
        try {
          expected = decompressFromEncodedURIComponent(p);
        } catch {
          expected = null;
        }
        if (first >= 0 && (first & 0b110000) === 0b110000) expected = null;
        expect(decompressBounded(p, Infinity)).toBe(expected);
      }),
      { numRuns: RUNS },
    );
  });
});

/**
 * lz-string's URI-component format, both ways: `compressToURIComponent` writes exactly
 * what lz-string's `compressToEncodedURIComponent` writes, and `decompressBounded` reads
 * it back like `decompressFromEncodedURIComponent`, with a cap on the output. (Ported
 * rather than imported: lz-string is a CommonJS module without named exports under
 * Node's ESM loader, and its decompressor has no cap.)
 *
 * Share links come from strangers. lz-string is an LZW variant: every code can name a
 * dictionary entry one character longer than the last, so a payload of n characters
 * can expand to roughly n² characters — a 100 kB link could ask for gigabytes before a
 * size check after decompression ever ran. This is the same algorithm (and the same
 * answers: `decompressBounded(x, Infinity)` equals lz-string's result for every input,
 * checked by src/share/lz.test.ts and tests/fuzz/share.test.ts) that stops as soon as
 * the output would pass `maxChars`. Pure; never throws.
 *
 * Answers the text, `null` for a payload lz-string would also reject (an unknown
 * dictionary code), or `'too-large'`. Like lz-string, a truncated payload decompresses
 * to `''` and an empty payload answers `null`.
 */

/** lz-string's URI-safe alphabet: 6 bits per character. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const VALUE_OF = new Map<string, number>([...ALPHABET].map((c, i) => [c, i]));

/** Reads the payload's bits, least significant first within each code (lz-string's order). */
class BitReader {
  private position = 32;
  private index = 1;
  private value: number;

  constructor(private readonly input: string) {
    this.value = this.at(0);
  }

  /** An unknown character reads as 0, as in lz-string (`undefined & x`). */
  private at(i: number): number {
    return VALUE_OF.get(this.input.charAt(i)) ?? 0;
  }

  /** True once every character was consumed (lz-string's `data.index > length`). */
  get exhausted(): boolean {
    return this.index > this.input.length;
  }

  /** The next `count` bits as a number. */
  read(count: number): number {
    let bits = 0;
    for (let power = 0; power < count; power++) {
      const bit = this.value & this.position;
      this.position >>= 1;
      if (this.position === 0) {
        this.position = 32;
        this.value = this.at(this.index++);
      }
      if (bit > 0) bits += 2 ** power;
    }
    return bits;
  }
}

/** Writes codes of a given width, least significant bit first, 6 bits per character. */
class BitWriter {
  private readonly out: string[] = [];
  private value = 0;
  private position = 0;

  write(bits: number, width: number): void {
    let v = bits;
    for (let i = 0; i < width; i++) {
      this.value = (this.value << 1) | (v & 1);
      if (this.position === 5) {
        this.position = 0;
        this.out.push(ALPHABET.charAt(this.value));
        this.value = 0;
      } else {
        this.position++;
      }
      v >>= 1;
    }
  }

  /** Pads the last character with zero bits and answers the text. */
  finish(): string {
    for (;;) {
      this.value <<= 1;
      if (this.position === 5) {
        this.out.push(ALPHABET.charAt(this.value));
        return this.out.join('');
      }
      this.position++;
    }
  }
}

/** lz-string's `compressToEncodedURIComponent(input)`, character for character. */
export function compressToURIComponent(input: string): string {
  const dictionary = new Map<string, number>();
  // Single characters seen but not yet sent: sent literally (command 0 or 1) on first use.
  const toCreate = new Set<string>();
  const writer = new BitWriter();
  let dictSize = 3;
  let numBits = 2;
  let enlargeIn = 2; // compensates for the first entry, which does not count
  let w = '';
  const grow = (): void => {
    enlargeIn--;
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  };
  const emit = (phrase: string): void => {
    if (toCreate.has(phrase)) {
      const code = phrase.charCodeAt(0);
      if (code < 256) {
        writer.write(0, numBits);
        writer.write(code, 8);
      } else {
        writer.write(1, numBits);
        writer.write(code, 16);
      }
      grow();
      toCreate.delete(phrase);
    } else {
      writer.write(dictionary.get(phrase) ?? 0, numBits);
    }
    grow();
  };
  for (const c of input.split('')) {
    if (!dictionary.has(c)) {
      dictionary.set(c, dictSize++);
      toCreate.add(c);
    }
    const wc = w + c;
    if (dictionary.has(wc)) {
      w = wc;
    } else {
      emit(w);
      dictionary.set(wc, dictSize++);
      w = c;
    }
  }
  if (w !== '') emit(w);
  writer.write(2, numBits); // end of stream
  return writer.finish();
}

/** Decompresses an lz-string URI component, giving up past `maxChars` (see the module header). */
export function decompressBounded(input: string, maxChars: number): string | null | 'too-large' {
  if (input === '') return null;
  const reader = new BitReader(input.replace(/ /g, '+'));
  // Codes 0, 1 and 2 are commands (8-bit char, 16-bit char, end); entries start at 3.
  const dictionary: string[] = [];
  let dictSize = 4;
  let numBits = 3;
  let enlargeIn = 4;
  const result: string[] = [];

  const first = reader.read(2);
  if (first === 2) return '';
  // 3 is no command: lz-string goes on with `undefined` (and may throw); we refuse.
  if (first === 3) return null;
  let w = String.fromCharCode(reader.read(first === 0 ? 8 : 16));
  dictionary[3] = w;
  result.push(w);
  let length = 1;
  if (length > maxChars) return 'too-large';

  for (;;) {
    if (reader.exhausted) return '';
    let code = reader.read(numBits);
    if (code === 0 || code === 1) {
      dictionary[dictSize++] = String.fromCharCode(reader.read(code === 0 ? 8 : 16));
      code = dictSize - 1;
      enlargeIn--;
    } else if (code === 2) {
      return result.join('');
    }
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
    let entry = dictionary[code];
    if (entry === undefined) {
      if (code !== dictSize) return null;
      entry = w + w.charAt(0);
    }
    length += entry.length;
    if (length > maxChars) return 'too-large';
    result.push(entry);
    dictionary[dictSize++] = w + entry.charAt(0);
    enlargeIn--;
    w = entry;
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  }
}

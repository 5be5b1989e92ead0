// Golden tests for the parser: every case in tests/golden/parse/*.txt (format described in
// tests/golden/golden-format.ts) must produce exactly the listed diagnostics. Files named
// `*.ddir.txt` hold `.ddir` cases; all others `.ddp` (a `[ddir]`/`[ddp]` name suffix overrides).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import { parse } from '../src/lang/parse.js';
import { LineIndex } from '../src/lang/source.js';
import { formatDiagnostics, readGoldenCases } from './golden/golden-format.js';

const dir = join(import.meta.dirname, 'golden', 'parse');
const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));

describe('parse goldens', () => {
  it('cover at least 20 distinct syntax errors', () => {
    const messages = new Set<string>();
    for (const file of files) {
      for (const c of readGoldenCases(join(dir, file))) {
        for (const line of c.expected) messages.add(line.replace(/^\S+ /, ''));
      }
    }
    expect(messages.size).toBeGreaterThanOrEqual(20);
  });
});

for (const file of files) {
  describe(file, () => {
    for (const c of readGoldenCases(join(dir, file))) {
      it(`${c.name} (line ${c.line})`, () => {
        const syntax = c.syntax ?? (file.endsWith('.ddir.txt') ? 'ddir' : 'ddp');
        const { diagnostics } = parse(c.source, syntax);
        expect(formatDiagnostics(diagnostics, new LineIndex(c.source))).toEqual(c.expected);
      });
    }
  });
}

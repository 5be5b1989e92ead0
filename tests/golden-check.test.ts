// Golden tests for the checker: every case in tests/golden/check/*.txt (format described in
// tests/golden/golden-format.ts) must produce exactly the listed diagnostics when compiled
// (parse + check). Files named `*.ddir.txt` hold `.ddir` cases; all others `.ddp` (a
// `[ddir]`/`[ddp]` name suffix overrides). Each case must also say something: a case
// with no expected diagnostic must compile to an IR.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import { compile } from '../src/lang/compile.js';
import { LineIndex } from '../src/lang/source.js';
import { formatDiagnostics, readGoldenCases } from './golden/golden-format.js';

const dir = join(import.meta.dirname, 'golden', 'check');
const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));

describe('check goldens', () => {
  it('cover at least 25 distinct checker diagnostic codes', () => {
    const codes = new Set<string>();
    for (const file of files) {
      for (const c of readGoldenCases(join(dir, file))) {
        for (const line of c.expected) codes.add(/^\S+ ([a-z0-9-]+)/.exec(line)?.[1] ?? '');
      }
    }
    codes.delete('');
    expect(codes.size).toBeGreaterThanOrEqual(25);
  });
});

for (const file of files) {
  describe(file, () => {
    for (const c of readGoldenCases(join(dir, file))) {
      it(`${c.name} (line ${c.line})`, () => {
        const syntax = c.syntax ?? (file.endsWith('.ddir.txt') ? 'ddir' : 'ddp');
        const result = compile(c.source, syntax === 'ddir' ? 'case.ddir' : 'case.ddp');
        expect(formatDiagnostics(result.diagnostics, new LineIndex(c.source))).toEqual(c.expected);
        if (c.expected.length === 0) expect(result.optimized).not.toBeNull();
      });
    }
  });
}

// Oversize input (issue #10) gives a clear error and changes nothing, never a crash or an
// out-of-memory run: a 10-million-row `iota`, a billion random edges, a 50 MB program
// file, a value or program nested hundreds of thousands deep. A megabyte-long line of
// ordinary width simply works.
import { describe, expect, it } from 'vitest';
import { Engine } from '../src/engine/engine.js';
import { compile } from '../src/lang/compile.js';
import { MAX_GENERATED_ROWS } from '../src/server/generated.js';
import { MAX_PROGRAM_CHARS, Session } from '../src/server/session.js';
import type { ServerEvent } from '../src/server/events.js';

function session(files: Record<string, string>): Session {
  return new Session({
    engine: new Engine({ maxIterations: 1000, maxSeconds: 5 }),
    readFile: (path) => files[path],
  });
}

/** The single error message of a command's events (fails if it is not exactly one error). */
function onlyError(events: readonly ServerEvent[]): string {
  expect(events).toHaveLength(1);
  const [e] = events;
  if (e?.event !== 'error') throw new Error(`expected an error, got ${JSON.stringify(e)}`);
  return e.message;
}

describe('oversize generated sources are refused before any row is made', () => {
  it('a 10-million-row iota', () => {
    const s = session({ 'big.ddp': 'export "big" = import "iota:10000000" | distinct;' });
    const started = Date.now();
    expect(onlyError(s.executeLine('install big big.ddp'))).toBe(
      `program "big" not installed: iota:10000000 would hold 10000000 rows; generated sources are limited to ${MAX_GENERATED_ROWS}`,
    );
    expect(Date.now() - started).toBeLessThan(1000);
    expect(s.list().programs).toEqual([]);
  });

  it('a billion random edges', () => {
    const s = session({ 'g.ddp': 'export "g" = import "random:nodes=10,edges=1000000000" | distinct;' });
    expect(onlyError(s.executeLine('install g g.ddp'))).toMatch(
      /^program "g" not installed: random:nodes=10,edges=1000000000,arity=2,seed=0 would hold 1000000000 rows/,
    );
  });
});

describe('oversize program files', () => {
  it('a 50 MB program file is refused with its size, and nothing is installed', () => {
    const huge = '-- padding\n'.repeat(5_000_000) + 'export "x" = input 0;';
    expect(huge.length).toBeGreaterThan(50_000_000);
    const s = session({ 'huge.ddp': huge });
    const started = Date.now();
    expect(onlyError(s.executeLine('install x huge.ddp'))).toBe(
      `program "x" not installed: "huge.ddp" is 55.0 million characters; programs are limited to ${MAX_PROGRAM_CHARS / 1e6} million`,
    );
    expect(Date.now() - started).toBeLessThan(1000);
    expect(s.list().programs).toEqual([]);
  });

  it('a megabyte-long program line of ordinary depth compiles and installs', () => {
    const fields = Array.from({ length: 135_000 }, (_, i) => i).join(', ');
    const wide = `export "wide" = input 0 | map(tuple(${fields}) ;);`;
    expect(wide.length).toBeGreaterThan(950_000);
    expect(wide.length).toBeLessThan(MAX_PROGRAM_CHARS);
    const s = session({ 'wide.ddp': wide });
    expect(s.executeLine('install wide wide.ddp')).toEqual([{ event: 'installed', name: 'wide' }]);
  });

  it('a program nested too deeply for the stack is one too-deep diagnostic, not a RangeError', () => {
    const deep = `export "x" = input 0 | map(${'tuple('.repeat(100_000)}${')'.repeat(100_000)} ;);`;
    const result = compile(deep, 'deep.ddp');
    expect(result.optimized).toBeNull();
    expect(result.diagnostics.map((d) => d.code)).toEqual(['too-deep']);
    const s = session({ 'deep.ddp': deep });
    expect(onlyError(s.executeLine('install x deep.ddp'))).toMatch(
      /^program "x" not installed: deep\.ddp:1:1: .*nested too deeply/,
    );
  });
});

describe('megabyte-long command lines', () => {
  it('a megabyte-long row of ints is fed and read back', () => {
    const s = session({ 'id.ddp': 'export "id" = input 0 | map($0 ;);' });
    s.executeLine('install id id.ddp');
    const fields = Array.from({ length: 160_000 }, (_, i) => i);
    const line = `feed id 0 ${fields.join(',')}`;
    expect(line.length).toBeGreaterThan(1_000_000);
    expect(s.executeLine(line)).toEqual([]);
    s.executeLine('tick');
    const [peek] = s.executeLine('peek id');
    expect(peek?.event === 'peek' && peek.rows.length).toBe(1);
  });

  it('a megabyte of nested parentheses is a clear error and changes nothing', () => {
    const s = session({ 'id.ddp': 'export "id" = input 0 | map($0 ;);' });
    s.executeLine('install id id.ddp');
    const before = s.list();
    const line = `feed id 0 ${'list('.repeat(200_000)}${')'.repeat(200_000)}`;
    expect(onlyError(s.executeLine(line))).toMatch(
      /^feed: not a value: "list\(list\(.*…": nested too deeply to read$/,
    );
    expect(s.list()).toEqual(before);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import { compile } from './compile.js';
import type { ProgramIr } from './ir.js';
import { irProblems } from './ir-util.js';

const examples = join(import.meta.dirname, '..', '..', 'examples', 'programs');
const files = readdirSync(examples).filter((f) => f.endsWith('.ddp') || f.endsWith('.ddir'));

function compiled(file: string): ProgramIr {
  const r = compile(readFileSync(join(examples, file), 'utf8'), file);
  expect(r.diagnostics).toEqual([]);
  if (r.optimized === null) throw new Error(`${file} did not compile`);
  return r.optimized;
}

// Scopes that iterate (have vars), as `name@depth`.
const loops = (ir: ProgramIr): string[] =>
  ir.scopes.filter((s) => s.vars.length > 0).map((s) => `${s.name}@${s.depth}`);
const ops = (ir: ProgramIr): Set<string> =>
  new Set(
    ir.scopes.flatMap((s) => s.items.flatMap((i) => (i.op === 'linear' ? i.ops.map((o) => o.k) : [i.op]))),
  );

describe('compile', () => {
  it('returns the tree, both IRs and no diagnostics for a valid program', () => {
    const r = compile('let a = input 0;\nexport "x" = a | distinct;', 'a.ddp');
    expect(r.diagnostics).toEqual([]);
    expect(r.ast.stmts).toHaveLength(2);
    expect(r.ir?.exports).toHaveLength(1);
    expect(r.optimized?.exports).toHaveLength(1);
  });

  it('returns no IR when there is an error, with every diagnostic in source order', () => {
    const r = compile('export "x" = b;\nlet a = input 0 | key($5 ;);\nlet c = ;', 'a.ddp');
    expect(r.ir).toBeNull();
    expect(r.optimized).toBeNull();
    expect(r.diagnostics.map((d) => d.code).slice(0, 2)).toEqual(['unknown-name', 'dollar-range']);
    expect(r.diagnostics).toHaveLength(3);
    const starts = r.diagnostics.map((d) => d.span.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('still compiles a program that only has warnings', () => {
    const r = compile('let a = input 0;\nlet unused = a;\nexport "x" = a;', 'a.ddp');
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([['unused-let', 'warning']]);
    expect(r.optimized).not.toBeNull();
  });

  it('picks the syntax from the file name', () => {
    expect(compile('export "x" = REDUCE(INPUT 0, MIN);', 'p.ddir').diagnostics).toEqual([]);
    expect(compile('export "x" = REDUCE(INPUT 0, MIN);', 'p.ddp').optimized).toBeNull();
  });
});

describe('example programs', () => {
  it('include at least fifteen programs of both syntaxes', () => {
    const own = files.filter((f) => !f.startsWith('demo-'));
    expect(own.length).toBeGreaterThanOrEqual(15);
    expect(own.filter((f) => f.endsWith('.ddir')).length).toBeGreaterThanOrEqual(3);
  });

  for (const file of files) {
    it(`${file} compiles cleanly and keeps every IR invariant`, () => {
      const r = compile(readFileSync(join(examples, file), 'utf8'), file);
      expect(r.diagnostics).toEqual([]);
      if (r.ir === null || r.optimized === null) throw new Error('no IR');
      expect(irProblems(r.ir)).toEqual([]);
      expect(irProblems(r.optimized)).toEqual([]);
      expect(r.optimized.exports.length).toBeGreaterThan(0);
    });
  }

  it('publish distinct export names, so any of them can be installed together', () => {
    // A .ddir twin of a .ddp program is an alternative to it and may reuse its names.
    const owner = new Map<string, string>();
    for (const file of files.filter((f) => !f.startsWith('demo-'))) {
      const base = file.replace(/\.ddir$|\.ddp$/, '');
      for (const e of compiled(file).exports) {
        expect([undefined, base]).toContain(owner.get(e.name));
        owner.set(e.name, base);
      }
    }
  });

  it('SCC runs two iterating scopes nested in an iterating scope', () => {
    expect(loops(compiled('scc.ddp'))).toEqual(['scc@1', 'forward@2', 'backward@2']);
  });

  it('congruence closure nests label propagation inside the congruence loop', () => {
    expect(loops(compiled('congruence-closure.ddp'))).toEqual(['closure@1', 'classes@2']);
  });

  it('the .ddir versions compile to the same plans as their .ddp twins', () => {
    for (const name of ['reachability', 'connected-components', 'shortest-paths']) {
      const a = compiled(`${name}.ddp`);
      const b = compiled(`${name}.ddir`);
      const shape = (ir: ProgramIr) => ir.scopes.map((s) => s.items.map((i) => i.op).join(' '));
      expect(shape(b)).toEqual(shape(a));
    }
  });

  it('use the operators they are meant to show', () => {
    expect(ops(compiled('prioritized-paths.ddp'))).toContain('enter_at');
    expect(ops(compiled('hop-count.ddp'))).toContain('lift_iter');
    expect([...ops(compiled('flatmap-collect.ddp'))]).toEqual(expect.arrayContaining(['flatmap', 'reduce']));
    expect(compiled('consumer.ddp').imports.map((i) => i.name)).toEqual(['graph/edges', 'graph/degrees']);
    expect(compiled('producer.ddp').exports.map((e) => e.name)).toEqual(['graph/edges', 'graph/degrees']);
  });

  it('triangles shares one arrangement of the oriented edges between its joins', () => {
    const ir = compiled('triangles.ddp');
    const root = ir.scopes[0];
    const edges = root?.names.get('edges');
    const arranges = root?.items.filter((i) => i.op === 'arrange' && i.input === edges) ?? [];
    expect(arranges).toHaveLength(1);
  });
});

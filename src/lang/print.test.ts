import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { arbProgram, arbTerm, withoutSpans } from './ast-arbitrary.js';
import { parse, parseClosedTerm } from './parse.js';
import { printProgram, printTerm } from './print.js';
import type { Syntax } from './ast.js';

function roundTrip(text: string, syntax: Syntax): string {
  const { ast, diagnostics } = parse(text, syntax);
  expect(diagnostics).toEqual([]);
  return printProgram(ast);
}

describe('printProgram', () => {
  it('prints the language reference example in canonical pipe form', () => {
    const text = [
      'con Fwd(1) = 0;',
      'let edges = input 0 | key($0[0] ; $0[1]);',
      'let roots = input 1 | key($0[0] ;);',
      'reach: {',
      '    let next = reach | join(edges, ($2 ;));',
      '    var reach = roots + next | distinct;',
      '}',
      'export "result" = reach::reach | key(;) | arrange | inspect(total);',
      '',
    ].join('\n');
    expect(roundTrip(text, 'ddp')).toBe(text);
  });

  it('prints the applicative example in canonical form', () => {
    const text = [
      'let edges = MAP(INPUT 0, ($0[0] ; $0[1]));',
      'let roots = MAP(INPUT 1, ($0[0] ;));',
      'reach: {',
      '    let step = JOIN(reach, edges, ($2));',
      '    var reach = REDUCE(CONCAT(roots, step), DISTINCT);',
      '}',
      'export "result" = INSPECT(reach::reach, reach);',
      '',
    ].join('\n');
    expect(roundTrip(text, 'ddir')).toBe(text);
  });

  it('normalizes spacing, `map` to `key`, and redundant parentheses', () => {
    const text = 'let a=(input 0)|map( ( $0[0] ) ;(1+2)*3 , -(-$1) );r:{}';
    expect(roundTrip(text, 'ddp')).toBe('let a = input 0 | key($0[0] ; (1 + 2) * 3, -(-$1));\nr: {}\n');
  });

  it('keeps parentheses a concatenation needs inside a join or another concatenation', () => {
    const text = 'let a = x - (d - e | negate) | join((b + c) | distinct, (;));\n';
    expect(roundTrip(text, 'ddp')).toBe(text);
  });

  it('converts a pipe program to the applicative syntax', () => {
    const { ast } = parse('let a = x - y | count | inspect("my label");', 'ddp');
    expect(printProgram(ast, 'ddir')).toBe(
      'let a = INSPECT(REDUCE(CONCAT(x, NEGATE(y)), COUNT), "my label");\n',
    );
  });

  it('keeps a bare `$n` term field distinct from a splice', () => {
    const { ast } = parse('let a = x | key(($0), $1 ;);', 'ddp');
    expect(printProgram(ast)).toBe('let a = x | key(($0), $1 ;);\n');
  });
});

describe('line breaking', () => {
  it('puts each operator of a long pipe chain on its own line', () => {
    const text =
      'let relaxed = dist | join(edges, ($2[0] ; $1[0] + $2[1])) | enter_at($1[0]) | inspect(relaxed_distance);';
    expect(roundTrip(text, 'ddp')).toBe(
      [
        'let relaxed = dist',
        '    | join(edges, ($2[0] ; $1[0] + $2[1]))',
        '    | enter_at($1[0])',
        '    | inspect(relaxed_distance);',
        '',
      ].join('\n'),
    );
  });

  it('puts each part of a long concatenation on its own line', () => {
    const text =
      'let ids = (apps | key($0 ; $0)) + (apps | key($1[1] ; $1[1])) - (asserted | key($0 ; $0)) + other_things;';
    expect(roundTrip(text, 'ddp')).toBe(
      [
        'let ids = (apps | key($0 ; $0))',
        '    + (apps | key($1[1] ; $1[1]))',
        '    - (asserted | key($0 ; $0))',
        '    + other_things;',
        '',
      ].join('\n'),
    );
  });

  it('puts the arms of a long pattern match one per line', () => {
    const text =
      'let m = s | key($0 ; case $1[0] { Circle(r) => 6 * r * r, Rect(w, h) => 2 * w * h, Poly(sides) => fold(sides, 0, ^1 + ^0) });';
    expect(roundTrip(text, 'ddp')).toBe(
      [
        'let m = s',
        '    | key(',
        '        $0 ;',
        '        case $1[0] {',
        '            Circle(r) => 6 * r * r,',
        '            Rect(w, h) => 2 * w * h,',
        '            Poly(sides) => fold(sides, 0, ^1 + ^0)',
        '        }',
        '    );',
        '',
      ].join('\n'),
    );
  });
});

describe('printTerm', () => {
  it('prints pattern matches on one line', () => {
    const { term } = parseClosedTerm('case f(1) { Fwd(s) => s, Bwd(s)=>0-s, Nil() => 1, _ => 99 }');
    expect(term && printTerm(term)).toBe('case f(1) { Fwd(s) => s, Bwd(s) => 0 - s, Nil() => 1, _ => 99 }');
  });

  it('parenthesizes comparisons on either side of a comparison', () => {
    const { term } = parseClosedTerm('(1 < 2) == (3 > 4) && 1 - (2 - 3)');
    expect(term && printTerm(term)).toBe('(1 < 2) == (3 > 4) && 1 - (2 - 3)');
  });
});

for (const syntax of ['ddp', 'ddir'] as const) {
  describe(`print then parse (${syntax})`, () => {
    it('gives back the same tree and the same text for generated programs', () => {
      fc.assert(
        fc.property(arbProgram(syntax), (ast) => {
          const text = printProgram(ast);
          const parsed = parse(text, syntax);
          expect(parsed.diagnostics).toEqual([]);
          expect(withoutSpans(parsed.ast)).toEqual(withoutSpans(ast));
          expect(printProgram(parsed.ast)).toBe(text);
        }),
        { numRuns: 200 },
      );
    });

    it('gives back the same tree and text for generated programs printed in a narrow width', () => {
      fc.assert(
        fc.property(arbProgram(syntax), (ast) => {
          const text = printProgram(ast, syntax, 24);
          const parsed = parse(text, syntax);
          expect(parsed.diagnostics).toEqual([]);
          expect(withoutSpans(parsed.ast)).toEqual(withoutSpans(ast));
          expect(printProgram(parsed.ast, syntax, 24)).toBe(text);
        }),
        { numRuns: 100 },
      );
    });

    it('gives back the same tree for generated terms', () => {
      fc.assert(
        fc.property(arbTerm(syntax, 4), (term) => {
          const text = printTerm(term, syntax);
          const { ast, diagnostics } = parse(
            `let a = ${syntax === 'ddp' ? 'x | filter(' : 'FILTER(x, '}${text});`,
            syntax,
          );
          expect(diagnostics).toEqual([]);
          const stmt = ast.stmts[0];
          const expr = stmt?.kind === 'let' ? stmt.expr : null;
          const op = expr?.kind === 'op' ? expr.op : null;
          expect(op?.kind === 'filter' ? withoutSpans(op.term) : null).toEqual(withoutSpans(term));
        }),
        { numRuns: 200 },
      );
    });
  });
}

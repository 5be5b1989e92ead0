import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { arbProgram, withoutSpans } from './ast-arbitrary.js';
import { formatSource } from './format.js';
import { lex } from './lexer.js';
import { parse } from './parse.js';
import { printProgram } from './print.js';

function format(text: string, syntax: 'ddp' | 'ddir' = 'ddp'): string | null {
  return formatSource(text, syntax).text;
}

describe('formatSource', () => {
  it('prints the canonical layout and keeps comments and paragraphs', () => {
    const text = [
      '-- Reachability.',
      '',
      'let edges=input 0|key($0[0];$0[1]);   -- the graph',
      'let roots = input 1 | key($0[0] ;);',
      '',
      '',
      'reach : { -- iterate',
      '  let next = reach | join(edges, ($2 ;));',
      '  -- the variable',
      '  var reach = roots + next | distinct;',
      '  -- end of body',
      '}  -- done',
      '-- trailer',
    ].join('\n');
    expect(format(text)).toBe(
      [
        '-- Reachability.',
        '',
        'let edges = input 0 | key($0[0] ; $0[1]); -- the graph',
        'let roots = input 1 | key($0[0] ;);',
        '',
        'reach: {',
        '    -- iterate',
        '    let next = reach | join(edges, ($2 ;));',
        '    -- the variable',
        '    var reach = roots + next | distinct;',
        '    -- end of body',
        '} -- done',
        '-- trailer',
        '',
      ].join('\n'),
    );
  });

  it('moves a comment from inside a statement to just before it', () => {
    expect(format('let a = x -- why\n  | distinct;')).toBe('-- why\nlet a = x | distinct;\n');
  });

  it('formats the applicative syntax', () => {
    expect(format('a:scope{let x=MAP(INPUT 0,($0));} -- end', 'ddir')).toBe(
      'a: {\n    let x = MAP(INPUT 0, ($0));\n} -- end\n',
    );
  });

  it('refuses to rewrite a file with errors', () => {
    const { text, diagnostics } = formatSource('let a = ;', 'ddp');
    expect(text).toBeNull();
    expect(diagnostics).toHaveLength(1);
  });

  it('keeps every comment in order, the same tree, and is idempotent on generated programs', () => {
    fc.assert(
      fc.property(
        arbProgram('ddp'),
        fc.array(fc.record({ at: fc.nat(), blank: fc.boolean() }), { maxLength: 6 }),
        (ast, inserts) => {
          // Insert comments (some after a blank line) before random tokens of the printed program,
          // from the last position back so that earlier offsets stay valid.
          const printed = printProgram(ast);
          const tokens = lex(printed).tokens;
          const places = inserts
            .map((ins, n) => ({ ...ins, n, at: tokens[ins.at % tokens.length]?.span.start ?? 0 }))
            .sort((a, b) => b.at - a.at);
          let text = printed;
          for (const p of places) {
            text = `${text.slice(0, p.at)}${p.blank ? ' \n\n' : ' '}-- c${p.n}\n${text.slice(p.at)}`;
          }
          const once = format(text);
          expect(once).not.toBeNull();
          const reparsed = parse(once ?? '', 'ddp');
          expect(reparsed.diagnostics).toEqual([]);
          expect(withoutSpans(reparsed.ast.stmts)).toEqual(withoutSpans(ast.stmts));
          const comments = (s: string): string[] => lex(s).comments.map((c) => s.slice(c.start, c.end));
          expect(comments(once ?? '')).toEqual(comments(text));
          expect(format(once ?? '')).toBe(once);
        },
      ),
      { numRuns: 200 },
    );
  });
});

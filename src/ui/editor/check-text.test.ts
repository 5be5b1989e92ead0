import { describe, expect, it } from 'vitest';
import { checkText } from './check-text.js';

describe('checkText', () => {
  it('places each diagnostic by offsets and by 1-based line and column', () => {
    const report = checkText('let a = input 0 | key($0 ;);\nexport "x" = b;\n', 'main.ddp');
    expect(report.plan).toBeNull();
    expect(report.diagnostics).toHaveLength(1);
    expect(report.diagnostics[0]).toMatchObject({
      severity: 'error',
      code: 'unknown-name',
      start: 42,
      end: 43,
      line: 2,
      col: 14,
      endLine: 2,
      endCol: 15,
    });
  });

  it('gives the optimized plan of a program without errors, in either syntax', () => {
    expect(checkText('let a = input 0;\nexport "x" = a;\n', 'main.ddp').plan).toContain('export "x"');
    expect(checkText('let a = INPUT 0;\nexport "x" = a;\n', 'main.ddir')).toMatchObject({ diagnostics: [] });
  });
});

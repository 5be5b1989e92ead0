import { describe, expect, it } from 'vitest';
import { makeStyle, visibleWidth } from './color.js';
import { renderTable } from './table.js';

describe('renderTable', () => {
  it('pads columns to their widest cell and right-aligns where asked', () => {
    const lines = renderTable(
      {
        header: ['key', 'mult'],
        align: ['left', 'right'],
        rows: [
          ['(1)', '1'],
          ['(100, 2)', '-12'],
        ],
      },
      makeStyle(false),
    );
    expect(lines).toEqual(['  key       mult', '  (1)          1', '  (100, 2)   -12']);
  });

  it('measures coloured cells by their visible width', () => {
    const style = makeStyle(true);
    const lines = renderTable(
      {
        rows: [
          [style.green('+1'), 'x'],
          ['-10', 'y'],
        ],
      },
      style,
    );
    expect(lines.map(visibleWidth)).toEqual([8, 8]);
  });
});

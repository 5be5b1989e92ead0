import { describe, expect, it } from 'vitest';
import { sessionCompletionsAt, sessionHoverAt } from './session.js';

function labels(marked: string, traces: readonly string[] = []): string[] {
  return sessionCompletionsAt(marked.replace('‸', ''), marked.indexOf('‸'), traces).map((i) => i.label);
}

describe('session scripts', () => {
  it('offers commands at a line start, traces after peek, options after a feed value', () => {
    expect(labels('tick\npe‸')).toContain('peek');
    expect(labels('peek ‸', ['reach'])).toEqual(['reach']);
    expect(labels('feed p 0 1,2 ‸')).toEqual(['val=', 'time=', 'diff=']);
    expect(labels('feed p 0 ‸')).toEqual([]);
    expect(labels('# peek ‸', ['reach'])).toEqual([]);
  });

  it('explains commands and options, not other words', () => {
    const text = 'install reach reach.ddp\nfeed reach 0 1,2 diff=-1\n';
    expect(sessionHoverAt(text, 2)?.markdown).toContain('all or nothing');
    expect(sessionHoverAt(text, text.indexOf('diff'))?.markdown).toContain('multiplicity');
    expect(sessionHoverAt(text, text.indexOf('reach '))).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { enterMap, exportMap, feedbackMap, importMap, leaveMap, timeWidth } from './edges.js';

describe('time maps between scopes', () => {
  it('shares c1 between the root and depth-1 scopes and adds a coordinate per deeper scope', () => {
    expect([0, 1, 2, 3].map(timeWidth)).toEqual([2, 2, 3, 4]);
    expect(enterMap(1)).toBeNull();
    expect(enterMap(2)?.([4, 7])).toEqual([4, 7, 0]);
  });

  it('drops the scope coordinate on leaving, resetting c1 at the root', () => {
    expect(leaveMap(1)([4, 9])).toEqual([4, 0]);
    expect(leaveMap(2)([4, 7, 9])).toEqual([4, 7]);
  });

  it('advances a loop by one iteration on its own coordinate', () => {
    expect(feedbackMap(1)([4, 7])).toEqual([4, 8]);
    expect(feedbackMap(2)([4, 7, 9])).toEqual([4, 7, 10]);
  });

  it('publishes epochs only and imports them at c1 = 0', () => {
    expect(exportMap([4, 256])).toEqual([4]);
    expect(importMap([4])).toEqual([4, 0]);
  });
});

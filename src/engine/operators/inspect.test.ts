import { describe, expect, it } from 'vitest';
import { InspectNode, reportedTime } from './inspect.js';
import { BatchBuilder } from '../batch.js';
import { Capture, TestScope, drive, testContext, testItem } from '../test-kit.js';

describe('inspect', () => {
  it('reports the consolidated changes of each time and forwards its input unchanged', () => {
    const ctx = testContext();
    const node = new InspectNode(ctx, new TestScope(1), testItem(), 'seen');
    const out = new Capture();
    node.out.connect(out, null);
    const b = new BatchBuilder();
    b.push([1], [], 1);
    b.push([2], [], 1);
    b.push([1], [], -1);
    b.push([2], [], 1);
    node.input.receive([3, 4], b.build());
    drive([node]);
    expect(ctx.inspects).toEqual([{ dataflow: 0, label: 'seen', key: [2], val: [], time: [3, 4], diff: 2 }]);
    expect(out.updates).toHaveLength(4);
  });

  it('reports one coordinate per enclosing scope, and a root delay only when there is one', () => {
    expect(reportedTime([2, 0], 0)).toEqual([2]);
    expect(reportedTime([2, 512], 0)).toEqual([2, 512]);
    expect(reportedTime([2, 0], 1)).toEqual([2, 0]);
    expect(reportedTime([2, 3], 2)).toEqual([2, 3, 0]);
  });
});

import { describe, expect, it } from 'vitest';
import { BatchBuilder } from './batch.js';
import { Budget } from './budget.js';
import { SINGLE_WORKER, runLocal } from './cluster.js';
import { DataflowInstance } from './dataflow.js';
import { appendRows } from './test-kit.js';
import { Trace } from './trace.js';
import { compile } from '../lang/compile.js';
import type { ProgramIr } from '../lang/ir.js';

function program(text: string): ProgramIr {
  const r = compile(text, 'test.ddp');
  if (r.optimized === null) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.optimized;
}

describe('DataflowInstance', () => {
  const text = `
    let a = import "a";
    let b = input 0 | arrange;
    export "j" = a | join(b, ($0 ; $1, $2)) | arrange;
  `;

  function build(imported: Trace, published: Trace): DataflowInstance {
    return new DataflowInstance(program(text), {
      dataflow: 3,
      budget: new Budget(100, 10, () => 0),
      cluster: SINGLE_WORKER,
      imports: new Map([['a', imported]]),
      exports: new Map([['j', published]]),
    });
  }

  it('runs an epoch from its inputs and imports and publishes one batch per export', () => {
    const imported = new Trace();
    const published = new Trace();
    const instance = build(imported, published);
    const input = new BatchBuilder();
    input.push([1], [2], 1);
    for (const node of instance.inputs.get(0) ?? []) node.input.receive([0, 0], input.build());
    for (const node of instance.importNodes.get('a') ?? [])
      node.input.receive([0, 0], appendRows(imported, [0], [[[1], [9], 1]]));
    // As the engine marks it when another dataflow imports its export.
    instance.imported = true;
    const out = runLocal(instance.runEpoch(0));
    expect(out).toHaveLength(1);
    // The root has no enter_at: the export publishes its arrangement itself, not a copy.
    expect(out[0]?.trace).toBe(instance.exportTraces.get('j'));
    expect(out[0]?.trace).not.toBe(published);
    expect(out[0]?.batch.vals).toEqual([[9, 2]]);
  });

  it('publishes a copy at the epoch when the root delays rows with enter_at', () => {
    const delayed = new DataflowInstance(
      program(`let b = input 0 | enter_at(1) | arrange;\nexport "j" = b;`),
      {
        dataflow: 4,
        budget: new Budget(100, 10, () => 0),
        cluster: SINGLE_WORKER,
        imports: new Map(),
        exports: new Map([['j', new Trace()]]),
      },
    );
    const published = delayed.exportTraces.get('j') as Trace;
    const input = new BatchBuilder();
    input.push([1], [2], 1);
    for (const node of delayed.inputs.get(0) ?? []) node.input.receive([0, 0], input.build());
    const out = runLocal(delayed.runEpoch(0));
    expect(out.map((p) => p.trace)).toEqual([published]);
    let times: unknown[] = [];
    published.forEachHistory((h) => (times = [h.data[h.lo + 1]]));
    expect(times).toEqual([[0]]);
  });

  it('releases its readers on imported traces when disposed, and only those', () => {
    const imported = new Trace();
    const instance = build(imported, new Trace());
    expect(imported.readerCount).toBe(1);
    instance.dispose();
    expect(imported.readerCount).toBe(0);
  });

  it('can start its readers past an imported history that sums to nothing', () => {
    const imported = new Trace();
    appendRows(imported, [0], [[[1], [1], 1]]);
    appendRows(imported, [1], [[[1], [1], -1]]);
    const instance = build(imported, new Trace());
    expect(imported.snapshot()?.size).toBe(0);
    instance.skipHistory(imported);
    imported.compact([[1]]);
    expect(imported.records).toBe(0);
  });
});

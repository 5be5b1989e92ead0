import { describe, expect, it } from 'vitest';
import { DisagreementError, mergeReplies } from './merge.js';
import type { CommandReply } from './protocol.js';
import type { ServerEvent } from '../server/events.js';

const reply = (events: ServerEvent[]): CommandReply => ({ v: 1, seq: 0, events, finished: false });
const inspect = (key: number, time: number[], diff: number, label = 'l'): ServerEvent => ({
  event: 'inspect',
  program: 'p',
  label,
  key: [key],
  val: [],
  time,
  diff,
});

describe('merging one command from every worker', () => {
  it('gathers peek rows from every shard in (key, val) order', () => {
    const peek = (rows: [number, number][]): ServerEvent => ({
      event: 'peek',
      trace: 't',
      key: null,
      rows: rows.map(([k, v]) => [[k], [v], 1] as const),
    });
    const merged = mergeReplies([
      reply([
        peek([
          [1, 0],
          [4, 0],
        ]),
      ]),
      reply([
        peek([
          [2, 9],
          [2, 1],
          [10, 0],
        ]),
      ]),
    ]);
    expect(merged).toEqual([
      peek([
        [1, 0],
        [2, 1],
        [2, 9],
        [4, 0],
        [10, 0],
      ]),
    ]);
  });

  it('consolidates inspect updates between other events and keeps those events in place', () => {
    const tick: ServerEvent = { event: 'tick', epoch: 1 };
    const merged = mergeReplies([
      reply([inspect(2, [0, 1], 1), inspect(1, [0, 0], 1), tick]),
      reply([inspect(2, [0, 1], -1), inspect(1, [0, 0], 1), inspect(3, [0], 1, 'a'), tick]),
    ]);
    expect(merged).toEqual([inspect(3, [0], 1, 'a'), inspect(1, [0, 0], 2), tick]);
  });

  it('refuses workers that disagree where they must agree', () => {
    expect(() =>
      mergeReplies([reply([{ event: 'tick', epoch: 1 }]), reply([{ event: 'error', message: 'x' }])]),
    ).toThrow(DisagreementError);
    expect(() => mergeReplies([reply([{ event: 'tick', epoch: 1 }]), reply([])])).toThrow(DisagreementError);
  });
});

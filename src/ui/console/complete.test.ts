import { describe, expect, it } from 'vitest';
import { complete } from './complete.js';

const ctx = {
  programs: ['reach', 'roots'],
  traces: ['reach', 'random:nodes=5,edges=3,arity=2,seed=0'],
  files: ['reach.ddp', 'session.txt'],
};

describe('console completion', () => {
  it('completes a unique command and adds a space', () => {
    expect(complete('ti', ctx)).toEqual({ text: 'tick ', options: ['tick'] });
  });
  it('extends to the common prefix when several fit', () => {
    expect(complete('feed r', ctx)).toEqual({ text: 'feed r', options: ['reach', 'roots'] });
    expect(complete('feed re', ctx).text).toBe('feed reach ');
  });
  it('offers traces after peek and files for install FILE', () => {
    expect(complete('peek ra', ctx).text).toBe('peek random:nodes=5,edges=3,arity=2,seed=0 ');
    expect(complete('install r s', ctx).text).toBe('install r session.txt ');
  });
  it('leaves the input alone when nothing fits', () => {
    expect(complete('feed reach 0 1', ctx)).toEqual({ text: 'feed reach 0 1', options: [] });
  });
});

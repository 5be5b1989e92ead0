import { describe, expect, it } from 'vitest';
import { canonicalName, clockRow, parseRecipe, recipeName, recipeKeys, recipeProblem } from './generated.js';
import type { Recipe } from './generated.js';

function recipe(name: string): Recipe {
  const r = parseRecipe(name);
  if (!r) throw new Error(`not a recipe: ${name}`);
  return r;
}

describe('recipe names', () => {
  it('fills in defaults and fixes the key order in the canonical name', () => {
    expect(canonicalName('random:nodes=8,edges=12')).toBe('random:nodes=8,edges=12,arity=2,seed=0');
    expect(canonicalName('random: edges = 12 ,seed=0,nodes=8')).toBe(
      'random:nodes=8,edges=12,arity=2,seed=0',
    );
    expect(canonicalName('iota:5')).toBe('iota:5');
    expect(canonicalName('iota: 5')).toBe('iota:5');
  });

  it('takes the last value of a repeated key', () => {
    expect(canonicalName('random:nodes=3,edges=1,nodes=9')).toBe('random:nodes=9,edges=1,arity=2,seed=0');
  });

  it('leaves malformed recipes and ordinary names alone', () => {
    for (const name of [
      'random:nodes=8',
      'random:edges=8',
      'random:nodes=8,edges=12,colour=3',
      'random:nodes=x,edges=12',
      'random:nodes=8,edges=12,',
      'random:nodes=-1,edges=2',
      'iota:',
      'iota:1.5',
      'edges',
      'clock',
    ]) {
      expect(parseRecipe(name)).toBeNull();
      expect(canonicalName(name)).toBe(name);
    }
  });

  it('accepts seeds up to 2^64 - 1', () => {
    expect(recipeName(recipe('random:nodes=2,edges=1,seed=18446744073709551615'))).toBe(
      'random:nodes=2,edges=1,arity=2,seed=18446744073709551615',
    );
    expect(parseRecipe('random:nodes=2,edges=1,seed=18446744073709551616')).toBeNull();
  });
});

describe('generated rows', () => {
  it('draws the spec example graph bit-exactly', () => {
    const keys = recipeKeys(recipe('random:nodes=8,edges=12'));
    expect(keys).toHaveLength(12);
    expect(keys.slice(0, 4)).toEqual([
      [0, 7],
      [7, 5],
      [0, 5],
      [5, 3],
    ]);
    const distinct = new Set(keys.map((k) => JSON.stringify(k)));
    expect(distinct.size).toBe(11);
    expect(keys.filter((k) => JSON.stringify(k) === '[0,5]')).toHaveLength(2);
  });

  it('gives a different graph for a different seed and one field per arity', () => {
    const a = recipeKeys(recipe('random:nodes=1000,edges=4,seed=1'));
    const b = recipeKeys(recipe('random:nodes=1000,edges=4,seed=2'));
    expect(a).not.toEqual(b);
    const wide = recipeKeys(recipe('random:nodes=1000,edges=3,arity=3'));
    expect(wide.every((k) => Array.isArray(k) && k.length === 3)).toBe(true);
  });

  it('splits its rows into one share per worker by row index, each generated alone', () => {
    for (const name of ['random:nodes=50,edges=23', 'iota:10']) {
      const all = recipeKeys(recipe(name));
      const shares = [0, 1, 2].map((index) => recipeKeys(recipe(name), { workers: 3, index }));
      expect(shares.flat()).toHaveLength(all.length);
      shares.forEach((share, index) => expect(share).toEqual(all.filter((_, e) => e % 3 === index)));
    }
  });

  it('numbers iota rows from zero', () => {
    expect(recipeKeys(recipe('iota:3'))).toEqual([[0], [1], [2]]);
  });

  it('keeps every field below nodes even for huge node counts', () => {
    const keys = recipeKeys(recipe('random:nodes=18446744073709551615,edges=5'));
    for (const k of keys) {
      for (const f of k as readonly (number | bigint)[]) {
        expect(typeof f === 'bigint' || Number.isSafeInteger(f)).toBe(true);
      }
    }
  });

  it('refuses recipes it cannot generate', () => {
    expect(recipeProblem(recipe('random:nodes=0,edges=3'))).toMatch(/no nodes/);
    expect(recipeProblem(recipe('iota:100000000000'))).toMatch(/limited/);
    expect(recipeProblem(recipe('random:nodes=0,edges=0'))).toBeNull();
  });

  it('writes the clock row as a one-field tuple', () => {
    expect(clockRow(4)).toEqual([[4], []]);
  });
});

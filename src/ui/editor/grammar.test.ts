import { describe, expect, it } from 'vitest';
import { KEYWORDS } from '../../lang/keywords.js';
import { APPLICATIVE_WORDS, languageOf, PIPE_WORDS } from './grammar.js';

describe('grammar', () => {
  it('colours every reserved word of each syntax, and only those besides builtins', () => {
    const pipe = [...PIPE_WORDS.statements, ...PIPE_WORDS.sources, ...PIPE_WORDS.operators].filter(
      (w) => w !== '_',
    );
    expect(new Set([...pipe, 'fold'])).toEqual(KEYWORDS.ddp);
    const applicative = [
      ...APPLICATIVE_WORDS.statements,
      ...APPLICATIVE_WORDS.sources,
      ...APPLICATIVE_WORDS.operators,
    ];
    expect(new Set(applicative)).toEqual(KEYWORDS.ddir);
  });

  it('picks the language from the file name', () => {
    expect(languageOf('reach.ddp')).toBe('ddp');
    expect(languageOf('Reach.DDIR')).toBe('ddir');
    expect(languageOf('session.txt')).toBe('ddir-session');
    expect(languageOf('untitled')).toBe('ddp');
  });
});

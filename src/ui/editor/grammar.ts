/**
 * Syntax colouring and editing rules for the editor's three languages, as plain data:
 * Monarch tokenizers and language configurations for `ddp` (pipe syntax), `ddir`
 * (applicative syntax) and `ddir-session` (session scripts). The word lists come from
 * the real front end (`KEYWORDS`, `BUILTIN_NAMES`) so colouring agrees with the
 * parser; a unit test holds them together. Only Monaco's types are imported here.
 *
 * Token names (themes in `theme.ts` colour them): `keyword` (statements, `case`, `_`),
 * `keyword.source` (`input`/`import`), `keyword.operator` (dataflow operators and
 * reducers), `predefined` (builtins), `type.constructor`, `variable.field` (`$n`),
 * `variable.binder` (`^k`), `namespace` (scope labels and `scope::`), `number`,
 * `string`, `comment`, `operator.pipe`, `operator`, `delimiter`, `invalid`.
 */
import type { languages } from 'monaco-editor/editor';
import { BUILTIN_NAMES } from '../../lang/lower-term.js';
import { SESSION_COMMANDS } from './docs.js';
import { APPLICATIVE_CALLS, APPLICATIVE_REDUCERS, PIPE_OPERATORS } from '../../lang/keywords.js';

/** The language ids the editor registers. */
export const LANGUAGE_IDS = { ddp: 'ddp', ddir: 'ddir', session: 'ddir-session' } as const;

/** A registered language id. */
export type LanguageId = (typeof LANGUAGE_IDS)[keyof typeof LANGUAGE_IDS];

/** The language of a file: `.ddir` applicative, `.txt` session script, anything else pipe syntax. */
export function languageOf(fileName: string): LanguageId {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.ddir')) return LANGUAGE_IDS.ddir;
  if (lower.endsWith('.txt')) return LANGUAGE_IDS.session;
  return LANGUAGE_IDS.ddp;
}

/** The words each tokenizer colours, grouped by token (the test compares them with the parser's). */
export const PIPE_WORDS = {
  statements: ['let', 'var', 'export', 'con', 'case', '_'],
  sources: ['input', 'import'],
  operators: PIPE_OPERATORS,
  builtins: BUILTIN_NAMES.filter((name) => name !== 'case'),
} as const;

export const APPLICATIVE_WORDS = {
  statements: ['let', 'var', 'scope', 'export'],
  sources: ['INPUT', 'IMPORT'],
  operators: [...APPLICATIVE_CALLS, ...APPLICATIVE_REDUCERS],
  builtins: [...BUILTIN_NAMES],
} as const;

// The rules both program syntaxes share, around their word rule.
function programRules(word: languages.IMonarchLanguageRule): languages.IMonarchLanguageRule[] {
  return [
    [/--.*$/, 'comment'],
    [/"[^"]*"/, 'string'],
    [/"[^"]*$/, 'string.invalid'],
    [/\$\d+/, 'variable.field'],
    [/\^\d+/, 'variable.binder'],
    [/\d+/, 'number'],
    // A scope: its label (`reach: {`) or a qualified read (`reach::next`).
    [/[A-Za-z_]\w*(?=\s*::)/, 'namespace'],
    [/[A-Za-z_]\w*(?=\s*:(?!:))/, 'namespace'],
    word,
    [/[{}()[\]]/, '@brackets'],
    [/\|/, 'operator.pipe'],
    [/::|==|!=|<=|>=|&&|=>|[<>=+\-*]/, 'operator'],
    [/[;,:]/, 'delimiter'],
    [/[&!]/, 'invalid'],
  ];
}

/** The Monarch tokenizer of the pipe syntax (`.ddp`). */
export const DDP_MONARCH: languages.IMonarchLanguage = {
  ...PIPE_WORDS,
  tokenizer: {
    root: programRules([
      /[A-Za-z_]\w*/,
      {
        cases: {
          '@statements': 'keyword',
          '@sources': 'keyword.source',
          '@operators': 'keyword.operator',
          '@builtins': 'predefined',
          '[A-Z]\\w*': 'type.constructor',
          '@default': 'identifier',
        },
      },
    ]),
  },
};

/** The Monarch tokenizer of the applicative syntax (`.ddir`). */
export const DDIR_MONARCH: languages.IMonarchLanguage = {
  ...APPLICATIVE_WORDS,
  tokenizer: {
    root: programRules([
      /[A-Za-z_]\w*/,
      {
        cases: {
          '@statements': 'keyword',
          '@sources': 'keyword.source',
          '@operators': 'keyword.operator',
          '@builtins': 'predefined',
          '@default': 'identifier',
        },
      },
    ]),
  },
};

/** The Monarch tokenizer of session scripts. */
export const SESSION_MONARCH: languages.IMonarchLanguage = {
  commands: [...SESSION_COMMANDS],
  builtins: [...BUILTIN_NAMES],
  tokenizer: {
    root: [
      [/^\s*(#|--).*$/, 'comment'],
      [/^(\s*)([A-Za-z_]\w*)/, ['white', { cases: { '@commands': 'keyword', '@default': 'invalid' } }]],
      [/(val|time|diff)(=)/, ['attribute.name', 'delimiter']],
      [/[\w./-]+\.(?:ddp|ddir|txt)\b/, 'string'],
      [/"[^"]*"?/, 'string'],
      [/-?\d+/, 'number'],
      [/[A-Za-z_]\w*/, { cases: { '@builtins': 'predefined', '@default': 'identifier' } }],
      [/[()[\]]/, '@brackets'],
      [/[,;:=]/, 'delimiter'],
    ],
  },
};

const PAIRS = [
  { open: '{', close: '}' },
  { open: '[', close: ']' },
  { open: '(', close: ')' },
  { open: '"', close: '"', notIn: ['string', 'comment'] },
];

/** Comments, brackets and auto-closing for both program syntaxes. */
export const PROGRAM_CONFIGURATION: languages.LanguageConfiguration = {
  comments: { lineComment: '--' },
  brackets: [
    ['{', '}'],
    ['[', ']'],
    ['(', ')'],
  ],
  autoClosingPairs: PAIRS,
  surroundingPairs: PAIRS,
  wordPattern: /[A-Za-z_]\w*|\d+/,
};

/** Comments, brackets and auto-closing for session scripts. */
export const SESSION_CONFIGURATION: languages.LanguageConfiguration = {
  comments: { lineComment: '#' },
  brackets: [
    ['(', ')'],
    ['[', ']'],
  ],
  autoClosingPairs: PAIRS.slice(1),
  surroundingPairs: PAIRS.slice(1),
};

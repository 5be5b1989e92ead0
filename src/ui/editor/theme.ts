/**
 * The editor's light and dark themes and the switch between them: `followSystemTheme`
 * picks `ddir-light` or `ddir-dark` from `prefers-color-scheme` and keeps following it
 * while the page lives (Monaco themes are global to the page). Token colours are chosen
 * for contrast on both backgrounds (the grammar's token names are in `grammar.ts`).
 */
import type { editor } from 'monaco-editor/editor';
import { monaco } from './monaco.js';

type Palette = Readonly<Record<string, string>>;

// Token colours, GitHub-like, checked for contrast against each background.
const LIGHT: Palette = {
  comment: '6e7781',
  keyword: 'cf222e',
  source: 'cf222e',
  op: '8250df',
  builtin: '953800',
  ctor: '116329',
  field: '0550ae',
  number: '1b7c83',
  string: '0a3069',
  namespace: '1f2328',
  pipe: 'cf222e',
  punct: '57606a',
  attribute: '0550ae',
  invalid: 'd1242f',
  background: '#f6f8fa',
};

const DARK: Palette = {
  comment: '8b949e',
  keyword: 'ff7b72',
  source: 'ff7b72',
  op: 'd2a8ff',
  builtin: 'ffa657',
  ctor: '7ee787',
  field: '79c0ff',
  number: '56d4dd',
  string: 'a5d6ff',
  namespace: 'e6edf3',
  pipe: 'ff7b72',
  punct: '8b949e',
  attribute: '79c0ff',
  invalid: 'ff7b72',
  background: '#161b22',
};

function themeData(base: 'vs' | 'vs-dark', p: Palette): editor.IStandaloneThemeData {
  const rule = (token: string, color: string | undefined, fontStyle?: string): editor.ITokenThemeRule =>
    fontStyle === undefined
      ? { token, foreground: color ?? '' }
      : { token, foreground: color ?? '', fontStyle };
  return {
    base,
    inherit: true,
    rules: [
      rule('comment', p['comment'], 'italic'),
      rule('keyword', p['keyword']),
      rule('keyword.source', p['source']),
      rule('keyword.operator', p['op'], 'bold'),
      rule('predefined', p['builtin']),
      rule('type.constructor', p['ctor']),
      rule('variable.field', p['field'], 'bold'),
      rule('variable.binder', p['field'], 'italic'),
      rule('namespace', p['namespace'], 'bold'),
      rule('number', p['number']),
      rule('string', p['string']),
      rule('string.invalid', p['invalid'], 'underline'),
      rule('operator.pipe', p['pipe'], 'bold'),
      rule('operator', p['punct']),
      rule('delimiter', p['punct']),
      rule('attribute.name', p['attribute']),
      rule('invalid', p['invalid'], 'underline'),
    ],
    colors: { 'editor.background': p['background'] ?? '#ffffff' },
  };
}

/** The theme names. */
export const THEMES = { light: 'ddir-light', dark: 'ddir-dark' } as const;

let following = false;

/** Defines both themes (once) and applies the one matching the system, now and on change. */
export function followSystemTheme(): void {
  if (following) return;
  following = true;
  monaco.editor.defineTheme(THEMES.light, themeData('vs', LIGHT));
  monaco.editor.defineTheme(THEMES.dark, themeData('vs-dark', DARK));
  const query = window.matchMedia('(prefers-color-scheme: dark)');
  const apply = (): void => monaco.editor.setTheme(query.matches ? THEMES.dark : THEMES.light);
  apply();
  query.addEventListener('change', apply);
}

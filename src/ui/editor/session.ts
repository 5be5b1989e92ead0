/**
 * Completion and hover for session scripts (`.txt`, SERVER.md "Commands"), as data.
 *
 * A session script is one command per line; `#` and `--` start comment lines. Offered:
 * the commands at a line's start, trace names after `peek `, `val=`/`time=`/`diff=`
 * after `feed PROG IN VALUE`; hovers explain commands and options. Works line by line
 * on the text, so it needs no parser. Pure: no Monaco, no DOM.
 */
import type { Span } from '../../lang/source.js';
import type { CompletionItem } from './completion.js';
import type { HoverInfo } from './hover.js';
import { docMarkdown, SESSION_COMMANDS, sessionDocFor } from './docs.js';

// The line holding `offset`: its start offset and its text up to the offset.
function lineBefore(text: string, offset: number): { start: number; head: string; line: string } {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const endAt = text.indexOf('\n', offset);
  const end = endAt < 0 ? text.length : endAt;
  return { start, head: text.slice(start, offset), line: text.slice(start, end).replace(/\r$/, '') };
}

function isComment(line: string): boolean {
  const trimmed = line.trimStart();
  return trimmed.startsWith('#') || trimmed.startsWith('--');
}

function commandItem(word: string, range: Span): CompletionItem {
  const entry = sessionDocFor(word);
  return {
    label: word,
    kind: word.endsWith('=') ? 'option' : 'command',
    insertText: word,
    snippet: false,
    detail: entry?.ddp ?? word,
    ...(entry === null ? {} : { documentation: docMarkdown(entry, 'session') }),
    range,
  };
}

/** The completions at `offset` of a session script. */
export function sessionCompletionsAt(
  text: string,
  offset: number,
  traces: readonly string[] = [],
): CompletionItem[] {
  const { head } = lineBefore(text, offset);
  if (isComment(head)) return [];
  const word = /[^\s]*$/.exec(head)?.[0] ?? '';
  const range: Span = { start: offset - word.length, end: offset };
  const before = head
    .slice(0, head.length - word.length)
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
  if (before.length === 0) return SESSION_COMMANDS.map((c) => commandItem(c, range));
  const command = before[0];
  if (command === 'peek' && before.length === 1) {
    return traces.map((name) => ({
      label: name,
      kind: 'trace',
      insertText: name,
      snippet: false,
      detail: 'published trace',
      range,
    }));
  }
  if (command === 'feed' && before.length >= 4 && !word.includes('=')) {
    return ['val=', 'time=', 'diff='].map((o) => commandItem(o, range));
  }
  return [];
}

/** The hover at `offset` of a session script: a command or a `feed` option, or null. */
export function sessionHoverAt(text: string, offset: number): HoverInfo | null {
  const { start, line } = lineBefore(text, offset);
  if (isComment(line)) return null;
  for (const m of line.matchAll(/[A-Za-z_]+=?/g)) {
    const from = start + m.index;
    const to = from + m[0].length;
    if (offset < from || offset >= to) continue;
    const isCommand = line.slice(0, m.index).trim() === '';
    const entry = isCommand || m[0].endsWith('=') ? sessionDocFor(m[0]) : null;
    return entry === null
      ? null
      : { range: { start: from, end: to }, markdown: docMarkdown(entry, 'session') };
  }
  return null;
}

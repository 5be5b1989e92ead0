/**
 * The console's entries, pure: what a command printed (its echo, then one entry per
 * server event) and the playground's own notes. Entries are immutable and numbered; the
 * log keeps the newest `CONSOLE_LIMIT`.
 */
import type { ServerEvent } from '../../server/events.js';

/** Where a command came from (shown next to its echo). */
export type CommandSource = 'console' | 'script' | 'step' | 'form' | 'button' | 'editor';

/** One console entry. */
export type ConsoleEntry =
  | {
      readonly id: number;
      readonly kind: 'command';
      readonly line: string;
      readonly source: CommandSource;
      readonly scriptLine?: number;
    }
  | { readonly id: number; readonly kind: 'event'; readonly event: ServerEvent }
  | {
      readonly id: number;
      readonly kind: 'note';
      readonly text: string;
      readonly tone: 'info' | 'warn' | 'error';
    };

/** Distributes `Omit` over the union members. */
export type NewEntry = ConsoleEntry extends infer E
  ? E extends ConsoleEntry
    ? Omit<E, 'id'>
    : never
  : never;

/** The most entries kept. */
export const CONSOLE_LIMIT = 2000;

let nextId = 1;

/** The log with `added` appended (numbered), trimmed to the limit. */
export function appendEntries(log: readonly ConsoleEntry[], added: readonly NewEntry[]): ConsoleEntry[] {
  const numbered = added.map((e) => ({ ...e, id: nextId++ }) as ConsoleEntry);
  const all = [...log, ...numbered];
  return all.length > CONSOLE_LIMIT ? all.slice(all.length - CONSOLE_LIMIT) : all;
}

/** The entries a completed command adds: its echo, then its events. */
export function commandEntries(
  line: string,
  source: CommandSource,
  events: readonly ServerEvent[],
  scriptLine?: number,
): NewEntry[] {
  const echo: NewEntry =
    scriptLine === undefined
      ? { kind: 'command', line, source }
      : { kind: 'command', line, source, scriptLine };
  return [echo, ...events.map((event): NewEntry => ({ kind: 'event', event }))];
}

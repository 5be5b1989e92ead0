/**
 * The command journal's rules, pure: which command lines change the session (and so
 * belong in the journal), and the entry to record for one — an `install` keeps the text
 * of the file it read, so a replay installs exactly what ran even after later edits.
 */
import type { JournalEntry } from './protocol.js';

/** The commands whose effect a replay must repeat. */
const STATEFUL = new Set(['install', 'feed', 'tick', 'drop']);

/** The command word of a line (lower case), or null for a blank or comment line. */
export function commandWord(line: string): string | null {
  const trimmed = line.trim();
  if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('--')) return null;
  return (trimmed.split(/\s+/)[0] ?? '').toLowerCase();
}

/** True when the line's command can change the session's state. */
export function isStateful(line: string): boolean {
  const word = commandWord(line);
  return word !== null && STATEFUL.has(word);
}

/** True when the line's command can change what `peek` shows or the registry (so a snapshot is due). */
export function changesViews(line: string): boolean {
  const word = commandWord(line);
  return word === 'install' || word === 'tick' || word === 'drop';
}

/** The FILE argument of an `install NAME FILE` line, or null. */
export function installFile(line: string): string | null {
  const parts = line.trim().split(/\s+/);
  return parts[0]?.toLowerCase() === 'install' && parts.length === 3 ? (parts[2] ?? null) : null;
}

/** The journal entry for a completed command, or null when it need not be replayed. */
export function journalEntry(line: string, files: Readonly<Record<string, string>>): JournalEntry | null {
  if (!isStateful(line)) return null;
  const name = installFile(line);
  const text = name === null ? undefined : files[name];
  return name !== null && text !== undefined
    ? { line: line.trim(), file: { name, text } }
    : { line: line.trim() };
}

/** The files an entry needs to replay: the recorded program text of an install. */
export function entryFiles(entry: JournalEntry): Record<string, string> {
  return entry.file === undefined ? {} : { [entry.file.name]: entry.file.text };
}

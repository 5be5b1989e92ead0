/**
 * Saving and restoring the workspace in localStorage, with a versioned schema:
 * `{ v: 1, files, active, script, settings, journal }`.
 *
 * Writes go to the slot not currently in use, then the `current` key is switched to it,
 * so a crash (or a full quota) mid-write leaves the previous save intact. Loading reads
 * the current slot and falls back to the other; anything unreadable, of an unknown
 * version or malformed is *reported* (`notice`) and never throws — the caller opens the
 * default workspace instead. An unversioned save (`{ files }`, the v0 drafts) is migrated.
 */
import { normalizeSettings } from './settings.js';
import type { Settings } from './settings.js';
import type { JournalEntry } from '../backend/protocol.js';

/** The stored workspace, schema version 1. */
export interface SavedState {
  readonly v: 1;
  readonly files: Readonly<Record<string, string>>;
  readonly active: string;
  readonly script: string;
  readonly settings: Settings;
  readonly journal: readonly JournalEntry[];
}

/** The outcome of loading: a state (maybe migrated) and/or a notice for the user. */
export interface LoadResult {
  readonly state: SavedState | null;
  readonly notice: string | null;
}

/** The minimal storage the module needs (localStorage fits). */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const STORAGE_PREFIX = 'ddir-playground';
const CURRENT = `${STORAGE_PREFIX}:current`;
const slotKey = (slot: 'a' | 'b'): string => `${STORAGE_PREFIX}:slot-${slot}`;

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function readFiles(raw: unknown): Record<string, string> | null {
  if (!isRecord(raw)) return null;
  const files: Record<string, string> = {};
  for (const [name, text] of Object.entries(raw)) {
    if (typeof text !== 'string' || name.trim() === '') return null;
    files[name] = text;
  }
  return Object.keys(files).length > 0 ? files : null;
}

function readJournal(raw: unknown): JournalEntry[] | null {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) return null;
  const entries: JournalEntry[] = [];
  for (const item of raw) {
    if (!isRecord(item) || typeof item.line !== 'string') return null;
    const file = item.file;
    if (file === undefined) entries.push({ line: item.line });
    else if (isRecord(file) && typeof file.name === 'string' && typeof file.text === 'string') {
      entries.push({ line: item.line, file: { name: file.name, text: file.text } });
    } else return null;
  }
  return entries;
}

/** The first `.txt` file in name order, else the first file. */
export function defaultScript(files: Readonly<Record<string, string>>): string {
  const names = Object.keys(files).sort();
  return names.find((n) => n.endsWith('.txt')) ?? names[0] ?? '';
}

/** A valid state from a parsed save of any known version, or why it is not one. */
export function migrate(raw: unknown): SavedState | string {
  if (!isRecord(raw)) return 'the saved workspace is not an object';
  const version = raw.v ?? 0;
  if (typeof version !== 'number') return 'the saved workspace has no valid version';
  if (version > 1) return `the saved workspace is from a newer playground (schema v${version})`;
  const files = readFiles(raw.files);
  if (files === null) return 'the saved workspace has no readable files';
  const journal = version === 0 ? [] : readJournal(raw.journal);
  if (journal === null) return 'the saved command journal is malformed';
  const active =
    typeof raw.active === 'string' && raw.active in files ? raw.active : Object.keys(files).sort()[0];
  const script = typeof raw.script === 'string' && raw.script in files ? raw.script : defaultScript(files);
  return { v: 1, files, active: active ?? '', script, settings: normalizeSettings(raw.settings), journal };
}

function readSlot(storage: KeyValueStore, slot: 'a' | 'b'): SavedState | string | null {
  const text = storage.getItem(slotKey(slot));
  if (text === null) return null;
  try {
    return migrate(JSON.parse(text) as unknown);
  } catch {
    return 'the saved workspace is not valid JSON';
  }
}

/** Loads the workspace (see the module header). */
export function loadState(storage: KeyValueStore): LoadResult {
  try {
    const current = storage.getItem(CURRENT) === 'b' ? 'b' : 'a';
    const other = current === 'a' ? 'b' : 'a';
    const first = readSlot(storage, current);
    if (first !== null && typeof first !== 'string') return { state: first, notice: null };
    const second = readSlot(storage, other);
    if (first === null && second === null) return { state: null, notice: null };
    if (second !== null && typeof second !== 'string') {
      return {
        state: second,
        notice: `The latest save could not be read (${first ?? 'missing'}); restored the one before it.`,
      };
    }
    return { state: null, notice: `Opened the demo: ${first ?? second ?? 'nothing was saved'}.` };
  } catch (e) {
    return {
      state: null,
      notice: `Local storage is unavailable (${e instanceof Error ? e.message : String(e)}).`,
    };
  }
}

/** Saves the workspace into the unused slot, then makes it current; answers an error message or null. */
export function saveState(storage: KeyValueStore, state: SavedState): string | null {
  try {
    const next = storage.getItem(CURRENT) === 'a' ? 'b' : 'a';
    storage.setItem(slotKey(next), JSON.stringify(state));
    storage.setItem(CURRENT, next);
    return null;
  } catch (e) {
    return `Could not save the workspace: ${e instanceof Error ? e.message : String(e)}`;
  }
}

/** Forgets every save (Reset everything). */
export function clearState(storage: KeyValueStore): void {
  for (const key of [CURRENT, slotKey('a'), slotKey('b')]) storage.removeItem(key);
}

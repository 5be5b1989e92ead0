/**
 * File operations on the playground's virtual file system, pure: name checks and the
 * store changes for new / rename / delete / edit / upload. A name problem is answered as
 * a message (shown to the user), never thrown. The active file and the script follow a
 * rename; deleting the active file shows a neighbour; the last file cannot be deleted.
 */
import { MAX_PROGRAM_CHARS } from '../../server/index.js';
import type { PlaygroundState } from './store.js';

/** The file kinds the playground knows. */
export const FILE_EXTENSIONS = ['.ddp', '.ddir', '.txt'] as const;

/**
 * Why a file of `bytes` bytes cannot be uploaded, or null. Files are capped at the
 * largest program the server installs (`MAX_PROGRAM_CHARS`): anything bigger could only
 * fill the autosave (a few MB of localStorage) and would be refused at install anyway.
 */
export function uploadSizeProblem(bytes: number): string | null {
  if (bytes <= MAX_PROGRAM_CHARS) return null;
  const mb = (bytes / 1e6).toFixed(1);
  return `it is ${mb} MB; files are limited to ${MAX_PROGRAM_CHARS / 1e6} MB (the largest program the server installs)`;
}

/** Why `name` cannot be a new file name here, or null when it can. */
export function fileNameProblem(name: string, files: Readonly<Record<string, string>>): string | null {
  if (name.trim() !== name || name === '') return 'A file name cannot be empty or start/end with spaces.';
  if (/[\s/\\]/.test(name))
    return 'A file name cannot contain spaces or slashes (install reads FILE as one word).';
  if (!FILE_EXTENSIONS.some((ext) => name.endsWith(ext)))
    return 'Use .ddp or .ddir for programs, .txt for session scripts.';
  if (name in files) return `There is already a file named ${name}.`;
  return null;
}

/** File names in tab order (alphabetical). */
export function fileNames(files: Readonly<Record<string, string>>): string[] {
  return Object.keys(files).sort((a, b) => a.localeCompare(b));
}

/** Adds a file and shows it. */
export function addFile(state: PlaygroundState, name: string, text: string): Partial<PlaygroundState> {
  const files = { ...state.files, [name]: text };
  const script = state.script in state.files ? state.script : name.endsWith('.txt') ? name : state.script;
  return { files, active: name, script };
}

/** Renames a file (the caller checked the new name). */
export function renameFile(state: PlaygroundState, from: string, to: string): Partial<PlaygroundState> {
  const files: Record<string, string> = {};
  for (const [name, text] of Object.entries(state.files)) files[name === from ? to : name] = text;
  return {
    files,
    active: state.active === from ? to : state.active,
    script: state.script === from ? to : state.script,
    highlight: null,
  };
}

/** Deletes a file (not the last one). */
export function deleteFile(state: PlaygroundState, name: string): Partial<PlaygroundState> {
  const names = fileNames(state.files);
  if (names.length <= 1 || !(name in state.files)) return {};
  const files = { ...state.files };
  delete files[name];
  const rest = fileNames(files);
  const index = Math.min(names.indexOf(name), rest.length - 1);
  const active = state.active === name ? (rest[index] ?? rest[0] ?? '') : state.active;
  const script = state.script === name ? (rest.find((n) => n.endsWith('.txt')) ?? '') : state.script;
  return { files, active, script, highlight: null };
}

/** Replaces a file's text. */
export function editFile(state: PlaygroundState, name: string, text: string): Partial<PlaygroundState> {
  return state.files[name] === text ? {} : { files: { ...state.files, [name]: text } };
}

/** A name like `base` not yet taken (`untitled.ddp`, `untitled-2.ddp`, …). */
export function freeName(base: string, files: Readonly<Record<string, string>>): string {
  const dot = base.lastIndexOf('.');
  const stem = dot > 0 ? base.slice(0, dot) : base;
  const ext = dot > 0 ? base.slice(dot) : '';
  let name = base;
  for (let n = 2; name in files; n++) name = `${stem}-${n}${ext}`;
  return name;
}

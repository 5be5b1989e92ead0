/**
 * Share links (PLAYGROUND.md "Share URL format"), pure: used by the playground and by
 * `ddir run --url`.
 *
 * `#s=<payload>`: the payload is lz-string's `compressToEncodedURIComponent` of
 * `{"v":1,"files":{…},"script":"…","workers":N,"run":true}`. `encodeShare` writes only
 * what differs from the defaults (script = the first `.txt` file in name order,
 * workers = 1, run = false; `v` is always written). `decodeShare` reads a payload from a
 * stranger: it never throws, caps the decompressed size (`MAX_JSON_CHARS`, enforced
 * while decompressing, see lz.ts) and the file count, ignores unknown fields, accepts
 * `v` missing or 1 and explains anything else in one sentence for the user.
 * `#demo=NAME` names a built-in demo; `parseHash` tells the three kinds of hash apart.
 */
import { compressToURIComponent, decompressBounded } from './lz.js';

/** What a share link carries. */
export interface ShareState {
  /** File name → text; at least one file. */
  readonly files: Readonly<Record<string, string>>;
  /** The session script the console runs: one of `files`. */
  readonly script: string;
  readonly workers: number;
  /** Run the script as soon as the link opens (under the run budget). */
  readonly run: boolean;
}

/** The link format version this playground writes and reads. */
export const SHARE_VERSION = 1;
/** The largest decompressed payload accepted (characters of JSON). */
export const MAX_JSON_CHARS = 5_000_000;
/** The most files a link may carry. */
export const MAX_FILES = 100;
/** The largest worker count a link may ask for. */
export const MAX_WORKERS = 64;
/** Links longer than this are offered as a file download too (chat tools cut them). */
export const LONG_LINK = 2000;

/** How much a link may carry (the defaults; tests pass smaller ones). */
export interface ShareLimits {
  /** Characters of JSON once unpacked. */
  readonly maxChars: number;
  readonly maxFiles: number;
}

const DEFAULT_LIMITS: ShareLimits = { maxChars: MAX_JSON_CHARS, maxFiles: MAX_FILES };

function megabytes(chars: number): string {
  return chars >= 1_000_000 ? `${chars / 1_000_000} MB` : `${Math.round(chars / 1000)} kB`;
}

/** A decoded link, or why it cannot be opened (a sentence for the user). */
export type DecodeResult =
  { readonly ok: true; readonly state: ShareState } | { readonly ok: false; readonly message: string };

/** What a location hash asks for. */
export type HashRequest =
  | { readonly kind: 'none' }
  | { readonly kind: 'share'; readonly result: DecodeResult }
  | { readonly kind: 'demo'; readonly name: string };

const FILE_NAME = /^[^\s/\\]+\.(ddp|ddir|txt)$/;

/** Why `name` cannot be a shared file's name, or null (the playground's own file-name rules). */
export function fileNameProblem(name: string): string | null {
  if (name.length > 200) return `the file name "${name.slice(0, 40)}…" is too long`;
  if (!FILE_NAME.test(name)) {
    return `"${name}" is not a file name the playground accepts (a .ddp, .ddir or .txt name without spaces or slashes)`;
  }
  return null;
}

/** The default script: the first `.txt` file in name order, else '' (no script). */
export function defaultScript(files: Readonly<Record<string, string>>): string {
  return (
    Object.keys(files)
      .filter((n) => n.endsWith('.txt'))
      .sort()[0] ?? ''
  );
}

/** The `#s=…` hash for `state` (only what differs from the defaults besides `v`). */
export function encodeShare(state: ShareState): string {
  const json: Record<string, unknown> = { v: SHARE_VERSION, files: state.files };
  if (state.script !== defaultScript(state.files)) json['script'] = state.script;
  if (state.workers !== 1) json['workers'] = state.workers;
  if (state.run) json['run'] = true;
  return `#s=${compressToURIComponent(JSON.stringify(json))}`;
}

/** `base` (any URL; its hash is replaced) with `hash`. */
export function withHash(base: string, hash: string): string {
  const at = base.indexOf('#');
  return (at < 0 ? base : base.slice(0, at)) + hash;
}

/** The `#demo=NAME` hash of a built-in demo. */
export function demoHash(name: string): string {
  return `#demo=${encodeURIComponent(name)}`;
}

function fail(message: string): DecodeResult {
  return { ok: false, message };
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Checks the parsed JSON of a payload (see the module header). */
export function readShareJson(json: unknown, limits: ShareLimits = DEFAULT_LIMITS): DecodeResult {
  if (!isRecord(json)) return fail('the link does not hold a workspace (its data is not a JSON object).');
  const v = json['v'];
  if (v !== undefined && v !== SHARE_VERSION) {
    if (typeof v === 'number' && Number.isInteger(v) && v > SHARE_VERSION) {
      return fail(
        `the link was made by a newer playground (format v${v}; this one reads v${SHARE_VERSION}). Open it in an up-to-date playground.`,
      );
    }
    return fail(
      `the link's format version ${JSON.stringify(v).slice(0, 20)} is not one this playground knows.`,
    );
  }
  const raw = json['files'];
  if (!isRecord(raw)) return fail('the link has no "files" (an object of file name → text).');
  const entries = Object.entries(raw);
  if (entries.length === 0) return fail('the link carries no files.');
  if (entries.length > limits.maxFiles) {
    return fail(`the link carries ${entries.length} files; at most ${limits.maxFiles} are accepted.`);
  }
  for (const [name, text] of entries) {
    const problem = fileNameProblem(name);
    if (problem !== null) return fail(`${problem}.`);
    if (typeof text !== 'string') return fail(`the text of ${name} is not a string.`);
  }
  // Object.fromEntries defines own properties, so no name can reach a prototype.
  const files = Object.fromEntries(entries) as Record<string, string>;
  const script = json['script'] ?? defaultScript(files);
  if (typeof script !== 'string' || (script !== '' && !Object.hasOwn(files, script))) {
    return fail(
      `the link's "script" names ${JSON.stringify(script).slice(0, 60)}, which is not one of its files.`,
    );
  }
  const workers = json['workers'] ?? 1;
  if (typeof workers !== 'number' || !Number.isInteger(workers) || workers < 1 || workers > MAX_WORKERS) {
    return fail(`the link's "workers" must be a whole number from 1 to ${MAX_WORKERS}.`);
  }
  const run = json['run'] ?? false;
  if (typeof run !== 'boolean') return fail('the link\'s "run" must be true or false.');
  return { ok: true, state: { files, script, workers, run } };
}

/**
 * Decodes a share payload — `#s=PAYLOAD`, `s=PAYLOAD` or the bare payload — into the
 * state it carries, or a message saying why it cannot be opened. Never throws.
 */
export function decodeShare(hash: string, limits: ShareLimits = DEFAULT_LIMITS): DecodeResult {
  const payload = hash.replace(/^#/, '').replace(/^s=/, '');
  if (payload === '') return fail('the link is empty after "#s=".');
  if (payload.length > limits.maxChars) return fail('the link is too long to be a workspace.');
  const text = decompressBounded(payload, limits.maxChars);
  if (text === 'too-large') {
    return fail(`the link's workspace is larger than ${megabytes(limits.maxChars)} once unpacked.`);
  }
  if (text === null || text === '') {
    return fail(
      'the link is damaged (its data does not unpack). It may have been cut off when it was copied.',
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch {
    return fail(
      'the link is damaged (its data is not valid JSON). It may have been cut off when it was copied.',
    );
  }
  return readShareJson(json, limits);
}

/** What a location hash (`#s=…`, `#demo=…`, anything else) asks for. */
export function parseHash(hash: string): HashRequest {
  const h = hash.replace(/^#/, '');
  if (h.startsWith('s=')) return { kind: 'share', result: decodeShare(h) };
  if (h.startsWith('demo=')) {
    let name = h.slice('demo='.length);
    try {
      name = decodeURIComponent(name);
    } catch {
      // A stray % stays as typed; the name will simply not match a demo.
    }
    return { kind: 'demo', name };
  }
  return { kind: 'none' };
}

/** The hash part of a full URL (from its first `#`), or ''. */
export function hashOf(url: string): string {
  const at = url.indexOf('#');
  return at < 0 ? '' : url.slice(at);
}

/**
 * The demo gallery's catalog: the shape of `demos/<name>/demo.json` and its checks.
 *
 * A demo is a folder of program files, one session script and a `demo.json` that
 * narrates the script (`steps`), may ask the learner to predict a tick's changes to a
 * trace (`predict`), and lists the script lines whose errors are intended
 * (`expectErrors`, e.g. a refused drop). `parseDemoMeta` checks the JSON's shape,
 * `validateDemo` checks it against the folder's files (lines exist and point at the
 * intended commands, every file and every `install` path exists), and `demoCatalog`
 * groups a flat `path → text` map (what Vite's `import.meta.glob('/demos/*\/*', …)`
 * gives) into demos in gallery order. Pure: no Node, no DOM. Used by
 * tests/demos.test.ts and by the playground's gallery.
 */
import { parseCommand, scriptLines } from '../server/index.js';
import type { Command } from '../server/index.js';
import type { ValueJson } from '../lang/value-json.js';

/** How much a demo assumes. */
export type Difficulty = 'beginner' | 'intermediate' | 'advanced';

/** One narrated step: what to watch for when Step reaches this script line. */
export interface DemoStep {
  /** 1-based line of the session script (a command, not a comment). */
  readonly line: number;
  /** One to three sentences for a newcomer. */
  readonly say: string;
}

/** One row change `[key, val, diff]` in the SERVER.md JSON value encoding. */
export type DemoChange = readonly [key: ValueJson, val: ValueJson, diff: number];

/** "Predict, then tick": before the tick at `beforeLine`, guess the changes to `trace`. */
export interface DemoPrediction {
  /** 1-based line of a `tick` in the session script. */
  readonly beforeLine: number;
  /** The published trace whose changes are asked for. */
  readonly trace: string;
  readonly question: string;
  /** The correct changes, sorted by (key, val). */
  readonly changes: readonly DemoChange[];
}

/** The contents of `demo.json`. */
export interface DemoMeta {
  readonly title: string;
  readonly summary: string;
  readonly difficulty: Difficulty;
  /** The session script, one of `files`. */
  readonly script: string;
  /** The demo's files (programs and the script), as they appear in the folder. */
  readonly files: readonly string[];
  readonly steps: readonly DemoStep[];
  readonly predict?: readonly DemoPrediction[];
  /** Script lines whose commands are meant to be rejected (one error event each). */
  readonly expectErrors?: readonly number[];
}

/** A demo of the gallery: its share name (`#demo=NAME`), metadata and files. */
export interface DemoEntry {
  readonly name: string;
  /** Null when `demo.json` is missing or malformed (see `problems`). */
  readonly meta: DemoMeta | null;
  /** The demo's files by name (those `meta.files` lists, when it parsed). */
  readonly files: Readonly<Record<string, string>>;
  /** Everything wrong with the demo; empty for a good one. */
  readonly problems: readonly string[];
}

/** The gallery order of the built-in demos; others follow by name. */
export const DEMO_ORDER: readonly string[] = [
  'reach',
  'sharing',
  'values',
  'peek',
  'sources',
  'scc',
  'stable-matching',
  'k-core',
  'adts',
  'flatmap-collect',
  'congruence',
  'shortest-paths',
];

/** The demo's metadata file and its golden events: part of the folder, not of the demo. */
export const META_FILE = 'demo.json';
export const EXPECTED_FILE = 'expected.jsonl';

const DIFFICULTIES: readonly string[] = ['beginner', 'intermediate', 'advanced'];
const SHARE_NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const FILE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9_.-]*\.(ddp|ddir|txt)$/;

type Json = Readonly<Record<string, unknown>>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isText(v: unknown): v is string {
  return typeof v === 'string' && v.trim() !== '';
}

function isLine(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1;
}

/** A well-formed JSON value encoding (SERVER.md), checked structurally. */
function isValueJson(v: unknown): v is ValueJson {
  if (typeof v === 'number') return Number.isSafeInteger(v);
  if (typeof v === 'string') return /^-?[0-9]+$/.test(v);
  if (Array.isArray(v)) return v.every(isValueJson);
  if (!isObject(v)) return false;
  const keys = Object.keys(v).sort().join(',');
  if (keys === 'list') return Array.isArray(v['list']) && v['list'].every(isValueJson);
  if (keys === 'tag,val') {
    const tag = v['tag'];
    return (
      typeof tag === 'number' && Number.isInteger(tag) && tag >= 0 && tag < 2 ** 32 && isValueJson(v['val'])
    );
  }
  return false;
}

function isChange(v: unknown): v is DemoChange {
  return (
    Array.isArray(v) &&
    v.length === 3 &&
    isValueJson(v[0]) &&
    isValueJson(v[1]) &&
    typeof v[2] === 'number' &&
    Number.isSafeInteger(v[2]) &&
    v[2] !== 0
  );
}

/** Checks the shape of a parsed `demo.json`; `meta` is null when it is unusable. */
export function parseDemoMeta(json: unknown): { meta: DemoMeta | null; problems: string[] } {
  const problems: string[] = [];
  if (!isObject(json)) return { meta: null, problems: ['demo.json is not a JSON object'] };
  for (const field of ['title', 'summary', 'script'] as const) {
    if (!isText(json[field])) problems.push(`"${field}" must be a non-empty string`);
  }
  if (typeof json['summary'] === 'string' && json['summary'].includes('\n')) {
    problems.push('"summary" must be one line');
  }
  if (typeof json['difficulty'] !== 'string' || !DIFFICULTIES.includes(json['difficulty'])) {
    problems.push(`"difficulty" must be one of ${DIFFICULTIES.join(', ')}`);
  }
  const files = json['files'];
  if (!Array.isArray(files) || files.length === 0 || !files.every(isText)) {
    problems.push('"files" must be a non-empty list of file names');
  }
  const steps = json['steps'];
  if (!Array.isArray(steps) || steps.length === 0) {
    problems.push('"steps" must be a non-empty list');
  } else {
    steps.forEach((s: unknown, i) => {
      if (!isObject(s) || !isLine(s['line']) || !isText(s['say'])) {
        problems.push(`steps[${i}] must be { "line": <1-based line>, "say": "..." }`);
      }
    });
  }
  const predict = json['predict'];
  if (predict !== undefined) {
    if (!Array.isArray(predict)) problems.push('"predict" must be a list');
    else {
      predict.forEach((p: unknown, i) => {
        const ok =
          isObject(p) &&
          isLine(p['beforeLine']) &&
          isText(p['trace']) &&
          isText(p['question']) &&
          Array.isArray(p['changes']) &&
          p['changes'].every(isChange);
        if (!ok) {
          problems.push(
            `predict[${i}] must be { "beforeLine": <line>, "trace": "...", "question": "...", "changes": [[key, val, diff], ...] }`,
          );
        }
      });
    }
  }
  const expectErrors = json['expectErrors'];
  if (expectErrors !== undefined && (!Array.isArray(expectErrors) || !expectErrors.every(isLine))) {
    problems.push('"expectErrors" must be a list of 1-based lines');
  }
  if (problems.length > 0) return { meta: null, problems };
  return { meta: json as unknown as DemoMeta, problems };
}

/** The commands of a script by line (blank and comment lines are absent). */
function commandsByLine(script: string): Map<number, Command | { error: string }> {
  const out = new Map<number, Command | { error: string }>();
  for (const { line, text } of scriptLines(script)) {
    const parsed = parseCommand(text);
    if (parsed !== null) out.set(line, parsed);
  }
  return out;
}

/** Strips a leading `./` so `install x ./x.ddp` finds `x.ddp`. */
function normalizePath(path: string): string {
  return path.replace(/^(\.\/)+/, '');
}

/**
 * Checks a demo against its folder's files (name → text, the folder's contents; extra
 * files such as `demo.json` and `expected.jsonl` are allowed). Returns the problems found.
 */
export function validateDemo(meta: DemoMeta, files: Readonly<Record<string, string>>): string[] {
  const problems: string[] = [];
  const listed = new Set(meta.files);
  if (listed.size !== meta.files.length) problems.push('"files" lists a file twice');
  for (const f of meta.files) {
    if (!FILE_NAME.test(f)) problems.push(`file name "${f}" should be a plain .ddp, .ddir or .txt name`);
    if (files[f] === undefined) problems.push(`"files" lists "${f}", which is not in the folder`);
  }
  for (const f of Object.keys(files)) {
    if (FILE_NAME.test(f) && !listed.has(f)) problems.push(`"${f}" is in the folder but not in "files"`);
  }
  if (!listed.has(meta.script)) problems.push(`the script "${meta.script}" is not in "files"`);
  const script = files[meta.script];
  if (script === undefined) return [...problems, `the script "${meta.script}" is missing`];

  const commands = commandsByLine(script);
  const lineCount = scriptLines(script).length;
  const commandAt = (line: number, what: string): Command | null => {
    if (line > lineCount) {
      problems.push(`${what}: line ${line} is past the end of ${meta.script} (${lineCount} lines)`);
      return null;
    }
    const c = commands.get(line);
    if (c === undefined) {
      problems.push(`${what}: line ${line} of ${meta.script} is blank or a comment, not a command`);
      return null;
    }
    if ('error' in c) {
      problems.push(`${what}: line ${line} of ${meta.script} is malformed (${c.error})`);
      return null;
    }
    return c;
  };

  for (const [line, c] of commands) {
    if ('error' in c) {
      if (!(meta.expectErrors ?? []).includes(line)) {
        problems.push(`line ${line} of ${meta.script} is malformed: ${c.error}`);
      }
    } else if (c.kind === 'install') {
      const path = normalizePath(c.file);
      if (!listed.has(path) || files[path] === undefined) {
        problems.push(`line ${line} installs "${c.file}", which is not one of the demo's files`);
      }
    }
  }

  let previous = 0;
  meta.steps.forEach((s, i) => {
    if (s.line <= previous)
      problems.push(`steps[${i}]: lines must increase (line ${s.line} after ${previous})`);
    previous = s.line;
    commandAt(s.line, `steps[${i}]`);
  });
  const stepped = new Set(meta.steps.map((s) => s.line));
  for (const [line, c] of commands) {
    if (!('error' in c) && c.kind === 'install' && !stepped.has(line)) {
      problems.push(`line ${line} (install ${c.name}) has no step`);
    }
  }
  for (const [i, p] of (meta.predict ?? []).entries()) {
    const c = commandAt(p.beforeLine, `predict[${i}]`);
    if (c !== null && c.kind !== 'tick') problems.push(`predict[${i}]: line ${p.beforeLine} is not a tick`);
  }
  for (const line of meta.expectErrors ?? []) {
    if (!commands.has(line)) problems.push(`expectErrors: line ${line} of ${meta.script} is not a command`);
  }
  return problems;
}

/**
 * Groups `path → text` entries whose path ends in `<name>/<file>` (e.g. `/demos/reach/
 * reach.ddp`) into demos, parses and validates each, and orders them as `DEMO_ORDER`
 * (unknown names after, by name).
 */
export function demoCatalog(modules: Readonly<Record<string, string>>): DemoEntry[] {
  const folders = new Map<string, Record<string, string>>();
  for (const [path, text] of Object.entries(modules)) {
    const parts = path.split('/').filter((p) => p !== '');
    const file = parts[parts.length - 1];
    const name = parts[parts.length - 2];
    if (file === undefined || name === undefined) continue;
    const folder = folders.get(name) ?? {};
    folder[file] = text;
    folders.set(name, folder);
  }
  const rank = (name: string): number => {
    const i = DEMO_ORDER.indexOf(name);
    return i < 0 ? DEMO_ORDER.length : i;
  };
  const names = [...folders.keys()].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return names.map((name) => {
    const folder = folders.get(name) ?? {};
    const problems: string[] = [];
    if (!SHARE_NAME.test(name)) problems.push(`the share name "${name}" should be short kebab-case`);
    const text = folder[META_FILE];
    if (text === undefined)
      return { name, meta: null, files: {}, problems: [...problems, `${name}: ${META_FILE} is missing`] };
    let json: unknown;
    try {
      json = JSON.parse(text) as unknown;
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      return {
        name,
        meta: null,
        files: {},
        problems: [...problems, `${name}: ${META_FILE} is not valid JSON (${why})`],
      };
    }
    const { meta, problems: shape } = parseDemoMeta(json);
    problems.push(...shape.map((p) => `${name}: ${p}`));
    if (meta === null) return { name, meta, files: {}, problems };
    problems.push(...validateDemo(meta, folder).map((p) => `${name}: ${p}`));
    const files: Record<string, string> = {};
    for (const f of meta.files) {
      const t = folder[f];
      if (t !== undefined) files[f] = t;
    }
    return { name, meta, files, problems };
  });
}

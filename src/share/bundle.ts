/**
 * Export, pure: a session as a folder the reference `ddir_server` runs unchanged
 * (PLAYGROUND.md part 9) — the program files (`.ddp`, `.ddir`), the session script with
 * every `install` path rewritten to the file's name in the folder, and a README.md
 * saying how to run it. `exportBundle` answers the folder's entries (for `zipStore`)
 * and the problems found (an `install` of a file the workspace does not have: the line
 * is kept as written, and the reference will report it as the playground did).
 *
 * The reference resolves `install` paths against its working directory and reads only
 * whole-line `#`/`--` comments and `\n` line ends, so the bundle is meant to be run from
 * inside the folder; line ends are normalized to `\n`.
 */
import { parseCommand, scriptLines } from '../server/index.js';

/** What to export. */
export interface BundleInput {
  readonly files: Readonly<Record<string, string>>;
  /** The session script: one of `files`. */
  readonly script: string;
  /** The folder name inside the archive. */
  readonly folder: string;
  /** A title for the README (a demo's title, say). */
  readonly title?: string;
  readonly workers?: number;
}

/** The bundle: entries under `folder/`, and what could not be made to match. */
export interface Bundle {
  readonly folder: string;
  readonly entries: readonly { readonly path: string; readonly text: string }[];
  readonly problems: readonly string[];
}

const PROGRAM = /\.(ddp|ddir)$/;

/** The workspace file an `install` path names (`x.ddp`, `./x.ddp`), or null. */
export function resolveInstallPath(files: Readonly<Record<string, string>>, path: string): string | null {
  const plain = path.replace(/^(\.\/)+/, '');
  if (Object.hasOwn(files, path)) return path;
  return Object.hasOwn(files, plain) ? plain : null;
}

/** A folder name from any text: lower-case letters, digits and dashes; never empty. */
export function folderName(text: string): string {
  const slug = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug === '' ? 'ddir-session' : slug;
}

/** The script with `install` paths rewritten to file names (see the module header). */
export function rewriteScript(
  text: string,
  files: Readonly<Record<string, string>>,
): { text: string; problems: string[] } {
  const problems: string[] = [];
  const lines = scriptLines(text).map(({ line, text: source }) => {
    const command = parseCommand(source);
    if (command === null || 'error' in command || command.kind !== 'install') return source;
    const name = resolveInstallPath(files, command.file);
    if (name === null) {
      problems.push(`line ${line} installs ${command.file}, which is not one of the files`);
      return source;
    }
    return name === command.file ? source : `install ${command.name} ${name}`;
  });
  return { text: lines.map((l) => `${l}\n`).join(''), problems };
}

/** The README of a bundle. */
function readme(input: BundleInput, script: string, programs: readonly string[]): string {
  const workers = input.workers !== undefined && input.workers > 1 ? input.workers : null;
  return [
    `# ${input.title ?? 'A DDIR session'}`,
    '',
    'Exported from the DDIR Playground: the session script',
    `\`${script}\` and the program${programs.length === 1 ? '' : 's'} it installs`,
    `(${programs.map((p) => `\`${p}\``).join(', ') || 'none'}), with every \`install\` path naming a`,
    'file of this folder. Run the script **from this folder**: `install` paths are',
    'resolved against the working directory.',
    '',
    "## With differential dataflow's reference server (`ddir_server`)",
    '',
    'The reference README runs a session with',
    `\`cargo run --release --example ddir_server -- ${script}\`; from this folder, point`,
    'cargo at your clone of https://github.com/TimelyDataflow/differential-dataflow:',
    '',
    '```sh',
    `cargo run --release --manifest-path /path/to/differential-dataflow/interactive/Cargo.toml --example ddir_server -- ${script}${workers === null ? '' : ` -w${workers}`}`,
    '```',
    '',
    `Add \`-w4\` after the script for four workers (timely's \`-w\`)${workers === null ? '' : `; this session was shared with ${workers}`}.`,
    '',
    '## With the playground CLI',
    '',
    '```sh',
    `npx ddir run ${script}            # --json: one JSON event per line; --workers N: sharded`,
    '```',
    '',
  ].join('\n');
}

/** The bundle of a session (see the module header). */
export function exportBundle(input: BundleInput): Bundle {
  const folder = folderName(input.folder);
  const scriptText = input.files[input.script];
  const programs = Object.keys(input.files)
    .filter((n) => PROGRAM.test(n))
    .sort();
  const problems: string[] = [];
  const entries: { path: string; text: string }[] = programs.map((name) => ({
    path: `${folder}/${name}`,
    text: input.files[name] ?? '',
  }));
  if (scriptText === undefined) {
    problems.push(`there is no session script ${input.script || '(none chosen)'}`);
  } else {
    const rewritten = rewriteScript(scriptText, input.files);
    problems.push(...rewritten.problems);
    if (!PROGRAM.test(input.script))
      entries.push({ path: `${folder}/${input.script}`, text: rewritten.text });
  }
  entries.push({ path: `${folder}/README.md`, text: readme(input, input.script || 'session.txt', programs) });
  return { folder, entries, problems };
}

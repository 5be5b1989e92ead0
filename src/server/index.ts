/**
 * The DDIR server's public surface, for the CLI and the playground's worker: a `Session`
 * executes command lines against an engine and returns `ServerEvent`s (plain JSON data,
 * the SERVER.md `--json` contract); `scriptEvents` runs a whole script. Pure: no Node,
 * no DOM; files reach it through the `readFile` callback.
 */
export { DEFAULT_BUDGET, MAX_PROGRAM_CHARS, Session } from './session.js';
export type { SessionOptions } from './session.js';
export { runLine, scriptEvents, scriptLines, withLine } from './script.js';
export type { ScriptLine } from './script.js';
export { COMMAND_WORDS, USAGE, helpText, isBlankOrComment, parseCommand } from './commands.js';
export type { Command, ParsedLine } from './commands.js';
export { parseValueToken } from './value-syntax.js';
export { CLOCK, canonicalName, parseRecipe, recipeName } from './generated.js';
export { diagnosticInfo, diagnosticInfos, formatDiagnosticLine } from './diagnostics.js';
export { errorEvent, eventToJsonLine } from './events.js';
export type * from './events.js';

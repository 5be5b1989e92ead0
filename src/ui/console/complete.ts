/**
 * Tab completion for the console's command line, pure: completes the word under the
 * end of the input from the commands, then — by command — program names (`feed`,
 * `drop`), trace names (`peek`) or file names (`install`'s FILE). Answers the new input
 * (extended by the candidates' common prefix, plus a space when only one fits) and the
 * candidates, so the caller can list them when the prefix is ambiguous.
 */
import { COMMAND_WORDS } from '../../server/commands.js';

/** What can be completed. */
export interface CompletionContext {
  readonly programs: readonly string[];
  readonly traces: readonly string[];
  readonly files: readonly string[];
}

/** The commands of SERVER.md that make sense in the console (not `exit`/`quit`). */
export const COMMANDS = COMMAND_WORDS.filter((w) => w !== 'exit' && w !== 'quit');

function commonPrefix(words: readonly string[]): string {
  const [first, ...rest] = words;
  if (first === undefined) return '';
  let end = first.length;
  for (const w of rest) {
    let i = 0;
    while (i < end && i < w.length && w[i] === first[i]) i++;
    end = i;
  }
  return first.slice(0, end);
}

/** The candidates for argument `index` (0 = the command word) of `command`. */
function candidates(command: string, index: number, ctx: CompletionContext): readonly string[] {
  if (index === 0) return COMMANDS;
  switch (command) {
    case 'feed':
    case 'drop':
      return index === 1 ? ctx.programs : [];
    case 'peek':
      return index === 1 ? ctx.traces : [];
    case 'install':
      return index === 2 ? ctx.files : [];
    default:
      return [];
  }
}

/** Completes `input` (see the module header). */
export function complete(input: string, ctx: CompletionContext): { text: string; options: string[] } {
  const words = input.trimStart().split(/\s+/);
  const word = words.at(-1) ?? '';
  const index = words.length - 1;
  const command = (words[0] ?? '').toLowerCase();
  const options = candidates(command, index, ctx).filter((c) => c.startsWith(word));
  if (options.length === 0) return { text: input, options: [] };
  const head = input.slice(0, input.length - word.length);
  const only = options.length === 1 ? options[0] : undefined;
  const text = only !== undefined ? `${head}${only} ` : `${head}${commonPrefix(options)}`;
  return { text, options };
}

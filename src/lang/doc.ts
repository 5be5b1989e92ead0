/**
 * A tiny pretty-printing document algebra (after Wadler's "A prettier printer").
 *
 * A `Doc` is text with optional line breaks. `line(flat)` is a break that prints as
 * `flat` (a space by default) when its enclosing `group` fits on the current line,
 * and as a newline plus the current indentation otherwise; `nest` adds one level of
 * indentation to the breaks inside it. Each group is laid out flat or broken as a
 * whole, outermost first, so the result is deterministic for a given document and
 * width: that is what makes the printer idempotent.
 */

/** A document: text, a sequence, a break, a group, or an indented part. */
export type Doc =
  | string
  | readonly Doc[]
  | { readonly k: 'line'; readonly flat: string }
  | { readonly k: 'group'; readonly doc: Doc }
  | { readonly k: 'nest'; readonly doc: Doc };

/** A break: `flat` when its group fits, else a newline and indentation. */
export function line(flat = ' '): Doc {
  return { k: 'line', flat };
}

/** A break that disappears when its group fits. */
export const softline: Doc = { k: 'line', flat: '' };

/** Lays `doc` out flat if it fits in the remaining width, else with its breaks. */
export function group(doc: Doc): Doc {
  return { k: 'group', doc };
}

/** Indents the breaks inside `doc` by one more level. */
export function nest(doc: Doc): Doc {
  return { k: 'nest', doc };
}

/** The items with `sep` between each two. */
export function join(items: readonly Doc[], sep: Doc): Doc[] {
  const out: Doc[] = [];
  items.forEach((d, i) => {
    if (i > 0) out.push(sep);
    out.push(d);
  });
  return out;
}

// One pending piece of work: a document at an indentation, flat or broken.
interface Cmd {
  readonly indent: string;
  readonly flat: boolean;
  readonly doc: Doc;
}

// Does the rest of the current line fit in `room` columns? `cmds` is a stack (top last).
function fits(room: number, cmds: Cmd[]): boolean {
  const stack = [...cmds];
  while (room >= 0) {
    const cmd = stack.pop();
    if (cmd === undefined) return true;
    const { doc } = cmd;
    if (typeof doc === 'string') room -= doc.length;
    else if (Array.isArray(doc))
      for (let i = doc.length - 1; i >= 0; i--) stack.push({ ...cmd, doc: doc[i] as Doc });
    else if ('k' in doc && doc.k === 'line') {
      if (!cmd.flat) return true;
      room -= doc.flat.length;
    } else if ('doc' in doc) stack.push({ ...cmd, flat: doc.k === 'group' ? true : cmd.flat, doc: doc.doc });
  }
  return false;
}

/** Renders `doc` starting at column `start` with `indent` before each new line, in `width` columns. */
export function render(doc: Doc, width: number, indent = '', start = indent.length): string {
  const out: string[] = [];
  let column = start;
  const stack: Cmd[] = [{ indent, flat: false, doc }];
  for (let cmd = stack.pop(); cmd !== undefined; cmd = stack.pop()) {
    const d = cmd.doc;
    if (typeof d === 'string') {
      out.push(d);
      column += d.length;
    } else if (Array.isArray(d)) {
      for (let i = d.length - 1; i >= 0; i--) stack.push({ ...cmd, doc: d[i] as Doc });
    } else if ('k' in d && d.k === 'line') {
      if (cmd.flat) {
        out.push(d.flat);
        column += d.flat.length;
      } else {
        out.push(`\n${cmd.indent}`);
        column = cmd.indent.length;
      }
    } else if ('doc' in d && d.k === 'nest') {
      stack.push({ ...cmd, indent: `${cmd.indent}    `, doc: d.doc });
    } else if ('doc' in d) {
      const flat = cmd.flat || fits(width - column, [...stack, { ...cmd, flat: true, doc: d.doc }]);
      stack.push({ ...cmd, flat, doc: d.doc });
    }
  }
  return out.join('');
}

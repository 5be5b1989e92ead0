/**
 * Session events as text for people (`ddir run`/`repl` without `--json`).
 *
 * `TextFormatter.push(event)` returns the lines to print now. Consecutive inspect updates
 * are gathered into one aligned table (printed when the next other event, e.g. the tick,
 * arrives, or at `flush()`), with their times `[epoch, iterations…]` and ±diffs coloured
 * on a terminal. Peeks and `list` are tables; a tick is a divider; errors are red and, in
 * a script, name the line and repeat its text. Values print in the compact form of
 * value-print.ts (`(1, 2)`, `[7, 8]`, `#2(1, 2)`).
 */
import { formatValueCompact } from '../lang/value-print.js';
import { valueFromJson } from '../lang/value-json.js';
import { renderTable } from './table.js';
import type { Style } from './color.js';
import type { ValueJson } from '../lang/value-json.js';
import type { ErrorEvent, InspectEvent, ListEvent, PeekEvent, ServerEvent } from '../server/events.js';

/** A value from its JSON form, compactly. */
export function showJsonValue(v: ValueJson): string {
  const value = valueFromJson(v);
  return value === undefined ? JSON.stringify(v) : formatValueCompact(value);
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Turns events into text lines; keeps consecutive inspect updates together. */
export class TextFormatter {
  private inspects: InspectEvent[] = [];

  /**
   * @param style colours (or none)
   * @param scriptLine the text of a script line, to show under an error that names it
   */
  constructor(
    private readonly style: Style,
    private readonly scriptLine: (line: number) => string | undefined = () => undefined,
  ) {}

  /** The lines to print for one more event. */
  push(event: ServerEvent): string[] {
    if (event.event === 'inspect') {
      this.inspects.push(event);
      return [];
    }
    return [...this.flush(), ...this.format(event)];
  }

  /** Lines still held back (pending inspect updates). */
  flush(): string[] {
    if (this.inspects.length === 0) return [];
    const lines = this.inspectTable(this.inspects);
    this.inspects = [];
    return lines;
  }

  private format(event: Exclude<ServerEvent, InspectEvent>): string[] {
    const s = this.style;
    switch (event.event) {
      case 'installed':
        return [`${s.green('installed')} ${event.name}`];
      case 'dropped':
        return [`${s.yellow('dropped')} ${event.name}`];
      case 'tick':
        return [s.dim(`── tick → epoch ${event.epoch} ──`)];
      case 'peek':
        return this.peek(event);
      case 'list':
        return this.list(event);
      case 'error':
        return this.error(event);
      case 'help':
        return event.text.split('\n');
    }
  }

  private inspectTable(updates: readonly InspectEvent[]): string[] {
    const s = this.style;
    const rows = updates.map((u) => [
      u.program,
      u.label,
      showJsonValue(u.key),
      showJsonValue(u.val),
      s.cyan(`[${u.time.join(', ')}]`),
      u.diff > 0 ? s.green(signed(u.diff)) : s.red(signed(u.diff)),
    ]);
    return renderTable(
      {
        header: ['program', 'inspect', 'key', 'val', 'time', 'diff'],
        align: ['left', 'left', 'left', 'left', 'left', 'right'],
        rows,
      },
      s,
    );
  }

  private peek(event: PeekEvent): string[] {
    const s = this.style;
    const which = event.key === null ? '' : ` key ${showJsonValue(event.key)}`;
    const title = `${s.bold(`peek ${event.trace}`)}${which} ${s.dim(`(${plural(event.rows.length, 'row')})`)}`;
    if (event.rows.length === 0) return [title];
    const rows = event.rows.map(([k, v, m]) => [showJsonValue(k), showJsonValue(v), String(m)]);
    return [
      title,
      ...renderTable({ header: ['key', 'val', 'mult'], align: ['left', 'left', 'right'], rows }, s),
    ];
  }

  private list(event: ListEvent): string[] {
    const s = this.style;
    const names = (xs: readonly string[]): string => (xs.length === 0 ? '-' : xs.join(', '));
    const lines = [s.bold(`epoch ${event.epoch}`)];
    lines.push(s.bold(`traces (${event.traces.length})`));
    if (event.traces.length > 0) {
      const rows = event.traces.map((t) => [t.name, String(t.importers)]);
      lines.push(...renderTable({ header: ['name', 'importers'], align: ['left', 'right'], rows }, s));
    }
    lines.push(s.bold(`programs (${event.programs.length})`));
    if (event.programs.length > 0) {
      const rows = event.programs.map((p) => [
        p.name,
        p.origin,
        names(p.inputs.map(String)),
        names(p.imports),
        names(p.exports),
      ]);
      lines.push(...renderTable({ header: ['name', 'origin', 'inputs', 'imports', 'exports'], rows }, s));
    }
    return lines;
  }

  private error(event: ErrorEvent): string[] {
    const s = this.style;
    const where = event.line === undefined ? '' : `line ${event.line}: `;
    const lines = [`${s.red(`${where}error:`)} ${event.message}`];
    const text = event.line === undefined ? undefined : this.scriptLine(event.line);
    if (text !== undefined) lines.push(s.dim(`  ${event.line} | ${text.trim()}`));
    // The message names the first diagnostic; list them all when there are more.
    const diagnostics = event.diagnostics ?? [];
    if (diagnostics.length > 1) {
      for (const d of diagnostics)
        lines.push(s.dim(`  ${d.file}:${d.line}:${d.col}: ${d.severity}: ${d.message}`));
    }
    return lines;
  }
}

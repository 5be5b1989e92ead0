/**
 * A DDIR server session: executes commands against one engine and returns their events.
 *
 * Pure and synchronous: no I/O beyond the injected `readFile` (which resolves `install`'s
 * FILE the way the host wants — the CLI against the working directory then the script's
 * directory, the playground against its files). Every command returns its events in
 * order; a rejected command (malformed, unknown name, refused drop, failed install, bad
 * feed) returns exactly one error event and changes nothing. A `tick` always completes:
 * inspect updates and failed programs (one error event each) come before its `tick`
 * event. An `install` reports `installed` first, then what bringing the program up to
 * date produced. A successful `feed` returns no event. After `exit`, `finished` is true.
 *
 * Oversize input is refused like any bad input: a program text longer than
 * `MAX_PROGRAM_CHARS`, a generated source of more than `MAX_GENERATED_ROWS` rows, a value
 * nested too deeply to read (see tests/oversize.test.ts).
 *
 * Generated sources (`random:…`, `iota:N`, `clock`) are installed by the first `install`
 * importing them, under their canonical names, and live on until dropped.
 *
 * Sharded, every worker runs a session over its shard (`executeLineSteps`): sessions
 * decide everything from the command stream and the registry, which are the same on
 * every worker, so they all take the same decisions and emit the same events, except
 * that `peek` rows and inspect updates come from the worker's own shard (the runtime
 * gathers them).
 */
import { parseCommand } from './commands.js';
import { helpText } from './commands.js';
import { diagnosticInfos, formatDiagnosticLine } from './diagnostics.js';
import { errorEvent } from './events.js';
import { failureEvent } from './failures.js';
import { CLOCK, canonicalName, parseRecipe, recipeProblem } from './generated.js';
import { Registry } from './registry.js';
import { advanceClock, installSource } from './sources.js';
import { compile } from '../lang/compile.js';
import { LineIndex } from '../lang/source.js';
import { valueToJson } from '../lang/value-json.js';
import type { Command } from './commands.js';
import type { ErrorEvent, InspectEvent, ListEvent, ServerEvent } from './events.js';
import type { SourceKind } from './sources.js';
import type { EngineApi, OperatorStats, TickResult, TraceId } from '../engine/api.js';
import { runLocal } from '../engine/cluster.js';
import type { Steps } from '../engine/cluster.js';
import type { Value } from '../lang/value.js';

/** The longest program text `install` accepts, in characters (about 1 MB). */
export const MAX_PROGRAM_CHARS = 1_000_000;

/** Budgets used when the user sets none: they stop a runaway loop within a few seconds. */
export const DEFAULT_BUDGET = { maxIterations: 100_000, maxSeconds: 5 } as const;

/** How a session reaches the outside world. */
export interface SessionOptions {
  /** The engine all programs run on (fresh: epoch 0, nothing installed). */
  readonly engine: EngineApi;
  /** The text of a program file named by `install`, or undefined when it cannot be read. */
  readonly readFile: (path: string) => string | undefined;
}

/** A generated source an install needs that is not installed yet. */
interface NeededSource {
  readonly name: string;
  readonly kind: SourceKind;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** One running session of the DDIR server. */
export class Session {
  private readonly engine: EngineApi;
  private readonly readFile: (path: string) => string | undefined;
  private readonly registry = new Registry();
  /** The latest failure message of each program, to explain why its traces are unavailable. */
  private readonly failures = new Map<string, string>();
  private exited = false;

  constructor(options: SessionOptions) {
    this.engine = options.engine;
    this.readFile = options.readFile;
  }

  /** The open epoch. */
  get epoch(): number {
    return this.engine.epoch;
  }

  /** True once `exit`/`quit` ran. */
  get finished(): boolean {
    return this.exited;
  }

  /**
   * Parses and executes one line; blank and comment lines give no events. An exception
   * from the engine (a bug, never user input) becomes an error event, so the session
   * goes on and the bug is visible.
   */
  executeLine(line: string): ServerEvent[] {
    return runLocal(this.executeLineSteps(line));
  }

  /**
   * `executeLine` as a resumable computation (cluster.ts): with a sharded engine, every
   * worker's session runs the same line and the workers meet at its `yield`s.
   */
  *executeLineSteps(line: string): Steps<ServerEvent[]> {
    let parsed;
    try {
      parsed = parseCommand(line);
    } catch (e) {
      const reason = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      return [errorEvent(`cannot read this command (${line.length} characters): ${reason}`)];
    }
    if (parsed === null) return [];
    if ('error' in parsed) return [errorEvent(parsed.error)];
    try {
      return yield* this.executeSteps(parsed);
    } catch (e) {
      const reason = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      return [errorEvent(`internal error while running "${line.trim()}": ${reason}`)];
    }
  }

  /** Executes one command. */
  execute(command: Command): ServerEvent[] {
    return runLocal(this.executeSteps(command));
  }

  /** `execute` as a resumable computation. */
  *executeSteps(command: Command): Steps<ServerEvent[]> {
    switch (command.kind) {
      case 'install':
        return yield* this.install(command.name, command.file);
      case 'feed':
        return this.feed(command);
      case 'tick':
        return yield* this.tick();
      case 'drop':
        return [this.drop(command.name)];
      case 'peek':
        return [this.peek(command.trace, command.key)];
      case 'list':
        return [this.list()];
      case 'help':
        return [{ event: 'help', text: helpText() }];
      case 'exit':
        this.exited = true;
        return [];
    }
  }

  /** The registry as `list` reports it. */
  list(): ListEvent {
    return {
      event: 'list',
      epoch: this.engine.epoch,
      traces: this.registry.traceInfo(),
      programs: this.registry.programInfo(),
    };
  }

  /** Per-operator work counters of an installed program (for plan views); undefined if unknown. */
  stats(program: string): OperatorStats[] | undefined {
    const entry = this.registry.program(canonicalName(program));
    return entry && this.engine.stats(entry.dataflow);
  }

  private *install(name: string, file: string): Steps<ServerEvent[]> {
    // The file is read and compiled first, as the reference does (it parses on intake).
    const text = this.readFile(file);
    if (text === undefined) return [errorEvent(`cannot read program file "${file}"`, { program: name })];
    if (text.length > MAX_PROGRAM_CHARS) {
      const size = `${(text.length / 1e6).toFixed(1)} million characters`;
      const why = `"${file}" is ${size}; programs are limited to ${MAX_PROGRAM_CHARS / 1e6} million`;
      return [errorEvent(`program "${name}" not installed: ${why}`, { program: name })];
    }
    const compiled = compile(text, file);
    const errors = compiled.diagnostics.filter((d) => d.severity === 'error');
    const program = compiled.optimized;
    if (errors.length > 0 || program === null) {
      const diagnostics = diagnosticInfos(errors, file, text);
      const first = diagnostics[0];
      const more = diagnostics.length > 1 ? ` (and ${plural(diagnostics.length - 1, 'more error')})` : '';
      const summary = first ? `${formatDiagnosticLine(first)}${more}` : `${file}: cannot compile`;
      return [errorEvent(`program "${name}" not installed: ${summary}`, { program: name, diagnostics })];
    }

    if (this.registry.program(name)) return [errorEvent(`a program named "${name}" is already installed`)];

    // Resolve imports: published traces, or generated sources to install on demand.
    const needed = new Map<string, NeededSource>();
    for (const imp of program.imports) {
      const canonical = canonicalName(imp.name);
      if (this.registry.trace(canonical) || needed.has(canonical)) continue;
      const recipe = parseRecipe(canonical);
      if ((canonical === CLOCK || recipe) && this.registry.program(canonical)) {
        const why = `it imports the generated source "${canonical}", but a program of that name is installed`;
        return [errorEvent(`program "${name}" not installed: ${why}`, { program: name })];
      }
      if (canonical === CLOCK) {
        needed.set(canonical, { name: canonical, kind: { kind: 'clock' } });
      } else if (recipe) {
        const problem = recipeProblem(recipe);
        if (problem) return [errorEvent(`program "${name}" not installed: ${problem}`, { program: name })];
        needed.set(canonical, { name: canonical, kind: { kind: 'recipe', recipe } });
      } else {
        return [
          errorEvent(`program "${name}" imports unknown trace "${imp.name}"; install its producer first`, {
            program: name,
          }),
        ];
      }
    }
    // (Exporting one name twice in a program is a compile error already.)
    for (const exp of program.exports) {
      if (this.registry.trace(exp.name) || needed.has(exp.name)) {
        return [
          errorEvent(
            `export name "${exp.name}" is already published; choose another name or drop its producer`,
            { program: name },
          ),
        ];
      }
    }

    // Everything checked: install the sources, then the program.
    for (const source of needed.values()) yield* this.addSource(source);
    const imports = new Map<string, TraceId>();
    for (const imp of program.imports) {
      const trace = this.registry.trace(canonicalName(imp.name));
      if (trace) imports.set(imp.name, trace.trace);
    }
    const installed = yield* this.engine.installSteps(program, imports);
    this.registry.add(
      {
        name,
        origin: 'program',
        dataflow: installed.dataflow,
        inputs: program.inputs,
        imports: [...new Set(program.imports.map((i) => canonicalName(i.name)))],
        exports: program.exports.map((e) => e.name),
        source: { file, lines: new LineIndex(text) },
      },
      installed.exports,
    );
    return [{ event: 'installed', name }, ...this.resultEvents(installed.catchUp)];
  }

  private *addSource(source: NeededSource): Steps<void> {
    const { dataflow, trace } = yield* installSource(this.engine, source.name, source.kind);
    this.registry.add(
      {
        name: source.name,
        origin: source.kind.kind === 'clock' ? 'clock' : 'generated',
        dataflow,
        inputs: [0],
        imports: [],
        exports: [source.name],
      },
      new Map([[source.name, trace]]),
    );
  }

  private feed(command: Extract<Command, { kind: 'feed' }>): ServerEvent[] {
    const epoch = this.engine.epoch;
    const time = command.time ?? epoch;
    if (time < epoch) {
      return [errorEvent(`cannot feed the closed past: time ${time} is before the open epoch ${epoch}`)];
    }
    const name = canonicalName(command.program);
    const program = this.registry.program(name);
    if (!program) return [errorEvent(`unknown program "${command.program}"`)];
    if (program.origin !== 'program') {
      return [errorEvent(`"${name}" is a ${program.origin} source and is not writable`, { program: name })];
    }
    if (!program.inputs.includes(command.input)) {
      const has = program.inputs.length === 0 ? 'no inputs' : `inputs ${program.inputs.join(', ')}`;
      return [
        errorEvent(`program "${name}" has no input ${command.input} (it has ${has})`, { program: name }),
      ];
    }
    this.engine.feed(program.dataflow, command.input, command.key, command.val, time, command.diff);
    return [];
  }

  private *tick(): Steps<ServerEvent[]> {
    const result = yield* this.engine.tickSteps();
    const events = this.resultEvents(result);
    const clock = this.registry.program(CLOCK);
    if (clock?.origin === 'clock') advanceClock(this.engine, clock.dataflow, result.epoch);
    events.push({ event: 'tick', epoch: result.epoch });
    return events;
  }

  /** Inspect updates, then one error per failed program. */
  private resultEvents(result: TickResult): ServerEvent[] {
    const events: ServerEvent[] = [];
    for (const u of result.inspects) {
      const inspect: InspectEvent = {
        event: 'inspect',
        program: this.registry.programOf(u.dataflow)?.name ?? `#${u.dataflow}`,
        label: u.label,
        key: valueToJson(u.key),
        val: valueToJson(u.val),
        time: [...u.time],
        diff: u.diff,
      };
      events.push(inspect);
    }
    for (const f of result.failures) {
      const event = failureEvent(f, this.registry);
      if (event.program !== undefined) this.failures.set(event.program, event.message);
      events.push(event);
    }
    return events;
  }

  private drop(typed: string): ServerEvent {
    const name = canonicalName(typed);
    const program = this.registry.program(name);
    if (!program) return errorEvent(`unknown program or generated source "${typed}"`);
    const blockers = this.registry.dropBlockers(name);
    if (blockers.length > 0) {
      const reasons = blockers.map(
        (b) =>
          `its trace "${b.trace}" is imported by ${plural(b.importers.length, 'program')} (${b.importers.join(', ')})`,
      );
      return errorEvent(`cannot drop "${name}": ${reasons.join('; ')}; drop them first`, { program: name });
    }
    this.engine.drop(program.dataflow);
    this.registry.remove(name);
    this.failures.delete(name);
    return { event: 'dropped', name: typed };
  }

  private peek(typed: string, key: Value | null): ServerEvent {
    const name = canonicalName(typed);
    const trace = this.registry.trace(name);
    if (!trace) return errorEvent(`unknown trace "${typed}"`);
    const owner = this.registry.program(trace.owner);
    if (owner && this.engine.isFailed(owner.dataflow)) return this.unavailable(name, owner.name);
    const rows = this.engine.read(trace.trace, key ?? undefined);
    return {
      event: 'peek',
      trace: name,
      key: key === null ? null : valueToJson(key),
      rows: rows.map(([k, v, m]) => [valueToJson(k), valueToJson(v), m] as const),
    };
  }

  private unavailable(trace: string, owner: string): ErrorEvent {
    const why = this.failures.get(owner) ?? `program "${owner}" failed`;
    return errorEvent(`trace "${trace}" is unavailable until the next tick repairs it: ${why}`, {
      program: owner,
    });
  }
}

/**
 * `ddir run SESSION --stats`: after the session, each installed program's plan with the
 * work of every operator (see `stats-format.ts` for the text and the `stats` event).
 *
 * `StatsRecorder` watches the commands as they run: an `installed` event records the
 * program's file and text (read right away, as `install` read it: the working directory
 * first, then the script's directory), `dropped` forgets it. At the end it asks the
 * engine for counters — the session's own for one worker, the pool's per-worker counters
 * summed for more — and prints one report per program still installed.
 */
import { dirname, isAbsolute, resolve } from 'node:path';
import { makeStyle, shouldColor } from './color.js';
import { readText } from './io.js';
import { createRunner, createSession } from './session-host.js';
import { formatStats, statsEvent } from './stats-format.js';
import { compile } from '../lang/compile.js';
import { planToJson } from '../lang/plan-json.js';
import { Pool } from '../runtime/pool.js';
import type { SessionArgs } from './args.js';
import type { CliIo } from './io.js';
import type { Runner } from './session-host.js';
import type { ProgramReport } from './stats-format.js';
import type { OperatorStats } from '../engine/api.js';
import { sumOperatorStats } from '../engine/stats.js';
import type { PlanJson } from '../lang/plan-json.js';
import type { ServerEvent } from '../server/events.js';

type Counters = (program: string) => Promise<readonly OperatorStats[]>;

/** Records installs and prints the reports (see the module header). */
export class StatsRecorder {
  private readonly programs = new Map<string, { file: string; plan: PlanJson }>();
  private counters: Counters = () => Promise.resolve([]);
  private epoch = 0;

  constructor(
    private readonly cwd: string,
    private readonly script: string,
  ) {}

  /** A runner for `args` whose counters this recorder can read. */
  async runner(args: SessionArgs): Promise<Runner> {
    if (args.workers <= 1) {
      const session = createSession(this.cwd, args, this.script);
      this.counters = (program) => Promise.resolve(session.stats(program) ?? []);
      return {
        execute: (line) => Promise.resolve(session.executeLine(line)),
        get finished() {
          return session.finished;
        },
        close: () => Promise.resolve(),
      };
    }
    const runner = await createRunner(this.cwd, args, this.script);
    if (runner instanceof Pool) {
      this.counters = async (program) =>
        sumOperatorStats(
          (await runner.stats()).map((w) => w.programs.find((p) => p.name === program)?.operators ?? []),
        );
    }
    return runner;
  }

  private read(path: string): string | undefined {
    const here = readText(this.cwd, path);
    if (here !== undefined || isAbsolute(path)) return here;
    return readText(dirname(resolve(this.cwd, this.script)), path);
  }

  /** Notes a command line and its events. */
  observe(line: string, events: readonly ServerEvent[]): void {
    for (const event of events) {
      if (event.event === 'tick') this.epoch = event.epoch;
      if (event.event === 'dropped') this.programs.delete(event.name);
      if (event.event !== 'installed') continue;
      const [, , file] = line.trim().split(/\s+/);
      const text = file === undefined ? undefined : this.read(file);
      const optimized = file === undefined || text === undefined ? null : compile(text, file).optimized;
      if (file !== undefined && optimized !== null) {
        this.programs.set(event.name, { file, plan: planToJson(optimized, text) });
      }
    }
  }

  /** The reports of the programs still installed, in install order. */
  async reports(): Promise<ProgramReport[]> {
    const out: ProgramReport[] = [];
    for (const [program, { file, plan }] of this.programs) {
      out.push({ program, file, plan, stats: await this.counters(program) });
    }
    return out;
  }

  /** Prints every report: text tables, or one `stats` event per line with `json`. */
  async print(io: CliIo, json: boolean): Promise<void> {
    const style = makeStyle(!json && shouldColor(io.stdout.isTTY, io.env));
    for (const report of await this.reports()) {
      const lines = json
        ? [JSON.stringify(statsEvent(report, this.epoch))]
        : formatStats(report, this.epoch, style);
      io.stdout.write(lines.join('\n') + '\n');
    }
  }
}

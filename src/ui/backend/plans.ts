/**
 * Installed programs' plans, for the plan view: `ProgramPlan` (what crosses the worker
 * boundary) and `PlanBook`, which the session host feeds with every completed command
 * to remember, per installed program, the file and text it was installed from and its
 * plan (`planToJson`, computed once at install). The host adds the engine's per-operator
 * work counters when asked (`ProgramPlan.stats`, matched to nodes by scope and item).
 */
import { compile } from '../../lang/compile.js';
import { planToJson } from '../../lang/plan-json.js';
import { installFile } from './journal.js';
import type { OperatorStats } from '../../engine/api.js';
import type { PlanJson } from '../../lang/plan-json.js';
import type { ServerEvent } from '../../server/events.js';

/** One installed program's plan with its work in the last tick. */
export interface ProgramPlan {
  readonly program: string;
  /** The playground file it was installed from, and the text that was installed. */
  readonly file: string;
  readonly source: string;
  readonly plan: PlanJson;
  /** One entry per IR item (export nodes have none); empty while the program is failed. */
  readonly stats: readonly OperatorStats[];
  /** Records this program's arrangements hold on each worker (the pool's shards), when known. */
  readonly recordsPerWorker?: readonly number[];
}

interface Entry {
  readonly file: string;
  readonly source: string;
  readonly plan: PlanJson;
}

/** The plans of the installed programs, in install order (see the module header). */
export class PlanBook {
  private readonly programs = new Map<string, Entry>();

  /** Notes a completed command: an `installed` event adds its program, `dropped` removes one. */
  observe(line: string, files: Readonly<Record<string, string>>, events: readonly ServerEvent[]): void {
    for (const event of events) {
      if (event.event === 'dropped') this.programs.delete(event.name);
      if (event.event !== 'installed') continue;
      const file = installFile(line);
      const source = file === null ? undefined : files[file.replace(/^\.\//, '')];
      if (file === null || source === undefined) continue;
      const optimized = compile(source, file).optimized;
      if (optimized !== null)
        this.programs.set(event.name, { file, source, plan: planToJson(optimized, source) });
    }
  }

  /** Every installed program's plan, with `stats(name)` as its counters. */
  plans(stats: (program: string) => readonly OperatorStats[] | undefined): ProgramPlan[] {
    return [...this.programs].map(([program, entry]) => ({ program, ...entry, stats: stats(program) ?? [] }));
  }
}

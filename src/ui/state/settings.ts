/**
 * The playground's settings and their defaults: worker count and the run budget
 * (SERVER.md "Budgets"). `normalizeSettings` accepts any stored value and answers valid
 * settings (out-of-range or missing fields fall back to the defaults).
 */
import type { RunBudget } from '../backend/protocol.js';

/** User settings (persisted). */
export interface Settings extends RunBudget {
  readonly workers: number;
}

/** What a fresh playground uses: stops a runaway loop within a few seconds. */
export const DEFAULT_SETTINGS: Settings = { workers: 1, maxIterations: 100_000, maxSeconds: 5 };

/** The worker counts offered (1, 2, 3, 4, 8, … up to the hardware, at least up to 8). */
export function workerChoices(hardware: number): number[] {
  const choices = [1, 2, 3, 4, 8];
  for (let n = 16; n <= hardware; n *= 2) choices.push(n);
  return choices;
}

function positive(raw: unknown, fallback: number, max: number): number {
  return typeof raw === 'number' && Number.isFinite(raw) && raw > 0 && raw <= max ? raw : fallback;
}

/** Valid settings from anything (see the module header). */
export function normalizeSettings(raw: unknown): Settings {
  const o = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  return {
    workers: Math.floor(positive(o.workers, DEFAULT_SETTINGS.workers, 256)),
    maxIterations: Math.floor(positive(o.maxIterations, DEFAULT_SETTINGS.maxIterations, 1e9)),
    maxSeconds: positive(o.maxSeconds, DEFAULT_SETTINGS.maxSeconds, 3600),
  };
}

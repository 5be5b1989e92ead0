/**
 * Keeps one object of each hot engine class alive for as long as the engine is loaded.
 *
 * V8 keeps an object layout (a "map") only while some object has it, and the code it
 * optimizes checks layouts by identity. When a program's last dataflow is gone and a
 * collection runs before the next one is built (a reinstall, a benchmark's next run),
 * the layouts of its key histories, traces and batches die, every hot function compiled
 * against them is thrown away ("weak objects" deoptimizations), and the next dataflow
 * runs unoptimized until V8 has compiled it all again. One kept object per class keeps
 * the layout, so the next dataflow runs in the code compiled for the last one.
 *
 * Each module keeps its own classes' exemplars, built as the engine builds them, with
 * their fields already holding the kinds of values they hold at work.
 */
const kept: object[] = [];

/** Keeps `exemplar` (and so its layout) alive; returns it. */
export function keepLayout<T extends object>(exemplar: T): T {
  kept.push(exemplar);
  return exemplar;
}

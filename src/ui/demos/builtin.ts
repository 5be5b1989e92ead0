/**
 * The built-in demos, bundled: every `demos/<name>/` file (but the golden
 * `expected.jsonl`) as raw text through Vite's `import.meta.glob`, grouped and checked by
 * `demoCatalog`. A demo with problems is left out of the gallery (tests/demos.test.ts
 * keeps them from reaching a build). Also: which demo, if any, a workspace still is.
 */
import { demoCatalog } from '../../demos/catalog.js';
import type { DemoEntry, DemoMeta } from '../../demos/catalog.js';

/** A demo that loaded: its metadata is known. */
export type Demo = DemoEntry & { readonly meta: DemoMeta };

const modules = import.meta.glob<string>(['/demos/*/*', '!/demos/*/expected.jsonl'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** The gallery, in DEMO_ORDER. */
export const DEMOS: readonly Demo[] = demoCatalog(modules).filter(
  (d): d is Demo => d.meta !== null && d.problems.length === 0,
);

/** The demo with this share name, if any. */
export function findDemo(name: string): Demo | undefined {
  return DEMOS.find((d) => d.name === name);
}

function sameFiles(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const names = Object.keys(a);
  return names.length === Object.keys(b).length && names.every((n) => Object.hasOwn(b, n) && b[n] === a[n]);
}

/** The demo this workspace still is, unchanged (same files, same script), if any. */
export function unchangedDemo(
  files: Readonly<Record<string, string>>,
  script: string,
  demos: readonly Demo[] = DEMOS,
): Demo | undefined {
  return demos.find((d) => d.meta.script === script && sameFiles(d.files, files));
}

/** True when the files are exactly `other` (the default workspace, say). */
export function filesEqual(
  a: Readonly<Record<string, string>>,
  b: Readonly<Record<string, string>>,
): boolean {
  return sameFiles(a, b);
}

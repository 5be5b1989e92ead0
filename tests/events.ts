/**
 * Comparing `--json` event streams (test support). Inspect events of one command may
 * come in any order (SERVER.md: the same multiset after consolidation), so each run of
 * consecutive inspect events is sorted; every other event keeps its place.
 */

/** Parses JSON lines (a text or its lines), sorting each run of consecutive inspect events. */
export function normalizeEvents(jsonLines: string | readonly string[]): unknown[] {
  const lines = typeof jsonLines === 'string' ? jsonLines.split('\n') : jsonLines;
  const out: unknown[] = [];
  let run: string[] = [];
  const flush = (): void => {
    out.push(...run.sort().map((l) => JSON.parse(l) as unknown));
    run = [];
  };
  for (const line of lines.filter((l) => l.trim() !== '')) {
    const event = JSON.parse(line) as { event?: string };
    if (event.event === 'inspect') {
      run.push(JSON.stringify(event));
      continue;
    }
    flush();
    out.push(event);
  }
  flush();
  return out;
}

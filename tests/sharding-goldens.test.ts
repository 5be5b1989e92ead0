// Every golden session (tests/sessions/NAME.txt) run through a pool of 1, 2, 3, 4 and 8
// in-process workers prints exactly its golden events: peek, list, tick and error
// events line by line, inspect updates between two other events as the same multiset
// after consolidation (SERVER.md). The script options (`# options: …`) apply.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { normalizeEvents, runScriptOnPool, scriptOptions } from './sharding-kit.js';
import { inProcessTransport } from '../src/runtime/in-process.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = join(root, 'tests', 'sessions');
const scripts = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort();

describe('golden sessions on a pool of in-process workers', () => {
  for (const workers of [1, 2, 3, 4, 8]) {
    for (const script of scripts) {
      it(`${script} prints its golden events with ${workers} worker(s)`, async () => {
        const text = readFileSync(join(dir, script), 'utf8');
        const golden = readFileSync(join(dir, script.replace(/\.txt$/, '.jsonl')), 'utf8');
        const lines = await runScriptOnPool(inProcessTransport, text, {
          workers,
          ...scriptOptions(text),
          dirs: [root, dir],
        });
        expect(normalizeEvents(lines.join('\n'))).toEqual(normalizeEvents(golden));
      });
    }
  }
});

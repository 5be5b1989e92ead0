#!/usr/bin/env node
// The `ddir` command: a thin launcher for the compiled CLI in dist/ (built by `npm ci` via `prepare`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('ddir: the CLI is not built yet; run `npm run build:cli` (npm ci does it for you).\n');
  process.exit(2);
}
await import(entry.href);

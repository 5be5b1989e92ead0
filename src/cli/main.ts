/**
 * Entry point of the `ddir` command (bin/ddir.js imports the compiled form): runs the
 * CLI on this process's arguments and streams, and sets the exit status.
 */
import { readFileSync } from 'node:fs';
import { runCli } from './cli.js';
import { nodeIo } from './io.js';

/** The package version, read from package.json next to dist/ (or src/). */
function packageVersion(): string {
  try {
    const pkg: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    return typeof pkg === 'object' && pkg !== null && 'version' in pkg ? String(pkg.version) : 'unknown';
  } catch {
    return 'unknown';
  }
}

// A closed pipe (`ddir run s.txt | head`) ends the command quietly, like other tools.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(0);
});

process.exitCode = await runCli(process.argv.slice(2), nodeIo(), packageVersion());

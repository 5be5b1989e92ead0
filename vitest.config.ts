import { defineConfig } from 'vitest/config';

// Unit, property and golden tests live beside the code (src/**/*.test.ts) and in tests/.
// Under CI a JSON report is also written, from which .ci/run prints the closing tally.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    pool: 'threads',
    reporters: process.env.CI
      ? ['default', ['json', { outputFile: 'test-results/vitest.json' }]]
      : ['default'],
  },
});

import { defineConfig } from 'vitest/config';

// Unit, property and golden tests live beside the code (src/**/*.test.ts) and in tests/.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    pool: 'threads',
  },
});

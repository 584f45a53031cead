import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // CLI tests spawn the built binary; a slow CI machine must not turn them red.
    testTimeout: 30_000,
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      reporter: ['text-summary', ['text', { skipFull: true }]],
      // The pure core is held to 90% of lines (the CLI is covered mostly by
      // spawned-binary tests, which in-process coverage cannot see).
      thresholds: {
        'src/core/**': { lines: 90 },
        'src/rules/**': { lines: 90 },
        'src/dedupe/**': { lines: 90 },
        'src/page/**': { lines: 90 },
      },
    },
  },
});

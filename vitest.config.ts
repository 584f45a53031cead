import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // CLI tests spawn the built binary; a slow CI machine must not turn them red.
    testTimeout: 30_000,
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    // Reports are compared byte-for-byte; colour must never leak into them.
    env: { NO_COLOR: '1', FORCE_COLOR: '0' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

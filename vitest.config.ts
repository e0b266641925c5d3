import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // End-to-end tests spawn the CLI and git; give them room on a 2-core machine.
    testTimeout: 30_000,
    pool: 'forks',
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/src/**/*.test.ts', 'contracts/**/*.test.ts'],
    globalSetup: ['server/src/test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each test file gets its own database, cloned from a migrated template (see server/src/test).
    pool: 'forks',
    // The CLI's `seed demo` in tests loads a small registry (the product's default is 20,000 entities).
    env: { ZHILIANG_DEMO_ENTITIES: '300' },
  },
});

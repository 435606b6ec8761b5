import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'server',
          include: ['server/src/**/*.test.ts', 'contracts/**/*.test.ts'],
          globalSetup: ['server/src/test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Each test file gets its own database, cloned from a migrated template (see server/src/test).
          pool: 'forks',
          // The CLI's `seed demo` in tests loads a small registry (the product's default is 20,000 entities).
          env: { ZHILIANG_DEMO_ENTITIES: '300' },
        },
      },
      {
        // The web's pure logic and hooks, below the e2e tier: the web's own Vite config (React, the
        // @ and @contracts aliases) in a simulated DOM. No database, so no server globalSetup here.
        extends: './web/vite.config.ts',
        test: {
          name: 'web',
          include: ['web/src/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['web/src/testing/setup.ts'],
        },
      },
    ],
  },
});

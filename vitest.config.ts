import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/src/**/*.test.ts', 'contracts/**/*.test.ts'],
    globalSetup: ['server/src/test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each test file gets its own database, cloned from a migrated template (see server/src/test).
    pool: 'forks',
    // One file per core. Vitest's default leaves a core to its main process (one file at a time on
    // CI's two cores), but that process idles while the workers run PGlite or wait on PostgreSQL.
    maxWorkers: availableParallelism(),
    // The CLI's `seed demo` in tests loads a small registry (the product's default is 20,000 entities).
    // Passwords are hashed at a test cost (platform/auth/password.ts: argon2Params); production's stays.
    env: { ZHILIANG_DEMO_ENTITIES: '300', ZHILIANG_PASSWORD_HASH: 'test' },
  },
});

/**
 * A fresh database for in-process CLI tests: a new PGlite data directory, or a new PostgreSQL
 * database when the suite runs on PostgreSQL. The CLI reads it from the environment, so `setup`
 * sets ZHILIANG_DATA_DIR / DATABASE_URL and `teardown` restores what was there and drops it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';

const ENV_KEYS = ['ZHILIANG_DATA_DIR', 'ZHILIANG_ADMIN_PASSWORD', 'DATABASE_URL', 'LOG_LEVEL'] as const;

export interface CliDb {
  /** The PGlite data directory (also used for files the test writes). */
  readonly dataDir: string;
  setup(): Promise<void>;
  teardown(): Promise<void>;
}

export function cliDatabase(prefix: string): CliDb {
  const savedEnv = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
  let dataDir = '';
  let pgDb: string | null = null;
  return {
    get dataDir() {
      return dataDir;
    },
    async setup() {
      dataDir = mkdtempSync(join(tmpdir(), `zl-${prefix}-`));
      process.env.ZHILIANG_DATA_DIR = dataDir;
      process.env.ZHILIANG_ADMIN_PASSWORD = 'Cli-Admin-Pass-2026';
      process.env.LOG_LEVEL = 'warn';
      const serverUrl = inject('databaseUrl');
      if (!serverUrl) {
        delete process.env.DATABASE_URL;
        return;
      }
      pgDb = `zl_${prefix.replace(/-/g, '_')}_${process.pid}_${Date.now().toString(36)}`;
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`CREATE DATABASE ${pgDb}`);
      await c.end();
      const url = new URL(serverUrl);
      url.pathname = `/${pgDb}`;
      process.env.DATABASE_URL = url.toString();
    },
    async teardown() {
      for (const k of ENV_KEYS) {
        if (savedEnv[k] === undefined) delete process.env[k];
        else process.env[k] = savedEnv[k];
      }
      rmSync(dataDir, { recursive: true, force: true });
      if (pgDb) {
        const c = new pg.Client({ connectionString: inject('databaseUrl') });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${pgDb} WITH (FORCE)`);
        await c.end();
      }
    },
  };
}

/**
 * A fresh database per test file, cloned from the template built in global-setup.ts: the demo
 * city with known passwords (constants.ts), on PGlite or on PostgreSQL when DATABASE_URL is set.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type DbHandle } from '../db/client.js';

let templateBlob: Blob | undefined;

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function createTestDb(): Promise<DbHandle> {
  const databaseUrl = inject('databaseUrl');
  if (databaseUrl) {
    const name = `zl_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplateDb')}`);
    await admin.end();
    // Dropping the database at the end terminates whatever connection is still closing: expected here.
    const handle = await openDatabase({ databaseUrl: withDatabase(databaseUrl, name), poolSize: 5, onConnectionError: () => undefined });
    return {
      ...handle,
      close: async () => {
        await handle.close();
        const c = new pg.Client({ connectionString: databaseUrl });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  templateBlob ??= new Blob([readFileSync(inject('pgliteTemplate'))]);
  return openDatabase({ loadDataDir: templateBlob });
}

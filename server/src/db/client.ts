/**
 * The database: PGlite (embedded, file-backed) by default, node-postgres with a pool when
 * DATABASE_URL is set. Both give the same Drizzle API over the same schema and migrations.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql, type ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { MIGRATIONS_DIR } from '../config/paths.js';
import * as schema from './schema.js';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.js';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** What repositories accept: the database or a transaction inside it. */
export type Executor = Database | Transaction;
export type DbKind = 'pglite' | 'postgres';

export interface DbHandle {
  db: Database;
  kind: DbKind;
  /** Apply pending migrations (idempotent). */
  migrate(): Promise<void>;
  /** PGlite only: the whole data directory as a tarball (test templates, backups). */
  dump?(): Promise<Blob>;
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl?: string | undefined;
  poolSize?: number;
  /** PGlite: the data directory root; the cluster lives in `<dataDir>/pglite`. */
  dataDir?: string;
  /** PGlite: start from a dumped data directory (tests use a migrated template). */
  loadDataDir?: Blob;
  /** PGlite: in memory only (tests). */
  memory?: boolean;
  /** PostgreSQL: what to do when an idle pooled connection fails (default: log to stderr). */
  onIdleError?: (err: Error) => void;
}

export async function openDatabase(opts: OpenOptions): Promise<DbHandle> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize ?? 10, opts.onIdleError);
  return openPglite(opts);
}

async function openPostgres(url: string, poolSize: number, onIdleError?: (err: Error) => void): Promise<DbHandle> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, application_name: 'zhiliang' });
  // An idle connection can die under us (server restart, failover, admin termination). node-postgres
  // re-emits that on the pool, and an unhandled 'error' event would crash the process: log it instead —
  // the pool replaces the connection on the next query.
  pool.on('error', (err) => {
    if (onIdleError) onIdleError(err);
    else process.stderr.write(`PostgreSQL idle connection error (the pool will reconnect): ${err.message}\n`);
  });
  // Fail fast with a clear message when the server is unreachable.
  const client = await pool.connect();
  client.release();
  const db = drizzlePg({ client: pool, schema }) as unknown as Database;
  return {
    db,
    kind: 'postgres',
    migrate: async () => {
      await migratePg(db as never, { migrationsFolder: MIGRATIONS_DIR });
    },
    close: async () => {
      await pool.end();
    },
  };
}

async function openPglite(opts: OpenOptions): Promise<DbHandle> {
  let lock: DataDirLock | undefined;
  let client: PGlite;
  // pg_trgm backs the fuzzy search of entity names; PostgreSQL ships it in contrib.
  const extensions = { pg_trgm };
  if (opts.loadDataDir) {
    client = new PGlite({ loadDataDir: opts.loadDataDir, extensions });
  } else if (opts.memory || !opts.dataDir) {
    client = new PGlite({ extensions });
  } else {
    mkdirSync(opts.dataDir, { recursive: true });
    // PGlite is single-process: a second process on the same directory would corrupt it.
    lock = acquireDataDirLock(opts.dataDir);
    client = new PGlite(join(opts.dataDir, 'pglite'), { extensions });
  }
  try {
    await client.waitReady;
  } catch (err) {
    lock?.release();
    throw err;
  }
  const db = drizzlePglite({ client, schema }) as unknown as Database;
  return {
    db,
    kind: 'pglite',
    migrate: async () => {
      await migratePglite(db as never, { migrationsFolder: MIGRATIONS_DIR });
    },
    dump: () => client.dumpDataDir('none'),
    close: async () => {
      await client.close();
      lock?.release();
    },
  };
}

/**
 * Refresh the planner's statistics after a bulk load (the demo city, an import). PostgreSQL's
 * autovacuum would get to it in time; embedded PGlite has no autovacuum, so without this its
 * planner never learns the table sizes, and the name search never learns which words most names
 * share (see commonSearchWords).
 */
export async function refreshStatistics(db: Executor, table?: 'entity'): Promise<void> {
  await db.execute(table ? sql`analyze ${sql.identifier(table)}` : sql`analyze`);
}

/** A round trip to the database (health checks). */
export async function pingDatabase(db: Database): Promise<void> {
  await db.execute(sql`select 1`);
}

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
import { unavailableReason } from './db-errors.js';

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
  /**
   * PostgreSQL: what to do when a pooled connection fails, idle or checked out (default: one line
   * on stderr). The pool drops the connection and opens a fresh one for the next query.
   */
  onConnectionError?: (err: Error) => void;
}

export async function openDatabase(opts: OpenOptions): Promise<DbHandle> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize ?? 10, opts.onConnectionError);
  return openPglite(opts);
}

/** How long a request waits for a new connection before it answers 503 (a host that does not answer at all). */
const CONNECT_TIMEOUT_MS = 5_000;

async function openPostgres(url: string, poolSize: number, onConnectionError?: (err: Error) => void): Promise<DbHandle> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    application_name: 'zhiliang',
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    // A connection whose peer vanished (a host down, a dropped route) is noticed by TCP keepalive.
    keepAlive: true,
  });
  const report = onConnectionError ?? defaultConnectionErrorReporter();
  // An idle connection can die under us (server restart, failover, admin termination). node-postgres
  // re-emits that on the pool, and an unhandled 'error' event would crash the process: report it —
  // the pool has already dropped the connection.
  pool.on('error', (err) => report(err));
  // A checked-out connection (a transaction, a COPY) has none of the pool's listeners: node-postgres
  // emits its death on the client itself, and an 'error' event without a listener ends the process
  // (what happened when PostgreSQL was killed during a write). The query in flight fails on its
  // own (the request answers 503), and the pool drops the client when it is released unqueryable.
  pool.on('connect', (client) => {
    client.on('error', (err) => report(err));
  });
  // Fail fast with a clear message when the server is unreachable.
  const client = await pool.connect().catch(async (err: unknown) => {
    await pool.end().catch(() => undefined);
    throw err;
  });
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

/**
 * One stderr line per connection failure, at most one every 5 s (an outage fails every pooled
 * connection and every attempt to open one; the log should say so, not flood).
 */
function defaultConnectionErrorReporter(): (err: Error) => void {
  let last = 0;
  let suppressed = 0;
  return (err) => {
    const now = Date.now();
    if (now - last < 5_000) {
      suppressed++;
      return;
    }
    const more = suppressed ? ` (+${suppressed} more)` : '';
    last = now;
    suppressed = 0;
    process.stderr.write(`PostgreSQL connection lost (the pool reconnects on the next query): ${err.message || unavailableReason(err)}${more}\n`);
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

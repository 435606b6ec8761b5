/**
 * Telling "the database is away" apart from every other failure: a refused or reset connection, a
 * server shutting down or starting up, a connection that died under a query. Such failures are not
 * the request's fault and not a bug: they answer 503 and pass once the database is back.
 */

/** Socket errors of a connection that could not be made or was lost (Node's `err.code`). */
const SOCKET_CODES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * PostgreSQL SQLSTATEs of an unavailable server (PostgreSQL manual, appendix A): class 08
 * (connection exception), 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now
 * (starting up or in recovery), 53300 too_many_connections.
 */
const SQLSTATES: ReadonlySet<string> = new Set(['57P01', '57P02', '57P03', '53300']);

/**
 * What node-postgres and its pool throw, without a code, when a connection is gone or cannot be
 * made in time (pg/lib/client.js, pg-pool/index.js).
 */
const MESSAGES = [
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'timeout exceeded when trying to connect',
  'timeout expired',
];

function isUnavailableOne(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const { code, message, syscall } = err as { code?: unknown; message?: unknown; syscall?: unknown };
  if (typeof code === 'string') {
    if (SOCKET_CODES.has(code) || SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
    // A Unix-socket path that is not there (the server is down); not any missing file.
    if (code === 'ENOENT' && syscall === 'connect') return true;
  }
  if (typeof message === 'string' && MESSAGES.some((m) => message.startsWith(m))) return true;
  // Node reports a refused localhost (IPv4 and IPv6) as an AggregateError of the attempts.
  if (err instanceof AggregateError) return err.errors.some(isUnavailableOne);
  return false;
}

/**
 * True when `err` (or an error it wraps as `cause`, as Drizzle's DrizzleQueryError does) says the
 * database cannot be reached or dropped the connection.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (isUnavailableOne(e)) return true;
  }
  return false;
}

/** The connection URL without its password, for messages (`postgres://zhiliang@127.0.0.1:5432/zhiliang`). */
export function redactDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(DATABASE_URL)';
  }
}

/** The most telling reason inside a connection failure: a code (ECONNREFUSED, 57P01) or a message. */
export function unavailableReason(err: unknown): string {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && code) return code;
    if (e instanceof AggregateError) {
      const inner = e.errors.find((x: unknown) => typeof (x as { code?: unknown })?.code === 'string') as { code: string } | undefined;
      if (inner) return inner.code;
    }
    if (typeof message === 'string' && message && !message.startsWith('Failed query')) return message;
  }
  return 'unknown';
}

/**
 * The one line the CLI and `npm start` print when the database cannot be reached, Chinese first
 * (no stack: the cause is outside the program).
 */
export function databaseUnavailableLine(err: unknown, databaseUrl: string | undefined): string {
  const target = databaseUrl ? redactDatabaseUrl(databaseUrl) : 'PGlite';
  const reason = unavailableReason(err);
  return (
    `数据库无法连接（${target}：${reason}），请确认 PostgreSQL 已启动、DATABASE_URL 正确 / ` +
    `Cannot reach the database (${target}: ${reason}); check that PostgreSQL is running and DATABASE_URL is right`
  );
}

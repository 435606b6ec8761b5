/**
 * "Who may do what changed", told to the other server processes sharing one PostgreSQL: a write that
 * changes auth here sends `NOTIFY zhiliang_auth_changed`, and every process LISTENs on a dedicated
 * connection and drops its principal cache. A user disabled through one server is refused by the
 * others as soon as the notification arrives (milliseconds), not after the cache's TTL.
 *
 * PGlite is one process: the in-process path (auth-events.ts) is all it needs, and this is not opened.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';

export const AUTH_CHANNEL = 'zhiliang_auth_changed';

export interface AuthChannelLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface AuthChannelOptions {
  databaseUrl: string;
  /** Another process changed auth — or this one was disconnected and may have missed that: drop the cache. */
  onRemoteChange: () => void;
  log: AuthChannelLog;
  /** First wait before reconnecting after the connection is lost; doubles up to `maxRetryMs`. */
  retryMs?: number;
  maxRetryMs?: number;
}

export interface AuthChannel {
  /** Tell the other processes (best effort: while disconnected, their cache's TTL bounds staleness). */
  publish(): void;
  /** Resolves once the LISTEN is in place (tests; the server does not wait for it). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export function openAuthChannel(opts: AuthChannelOptions): AuthChannel {
  const { log } = opts;
  const minRetry = opts.retryMs ?? 500;
  const maxRetry = opts.maxRetryMs ?? 30_000;
  // Our own notifications come back to us too; the in-process path has already handled them.
  const token = randomUUID();
  let client: pg.Client | null = null;
  let listening = false;
  let closed = false;
  let retry = minRetry;
  let retryTimer: NodeJS.Timeout | null = null;
  let wasConnected = false;
  let readyWaiters: (() => void)[] = [];

  const scheduleReconnect = () => {
    if (closed || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void connect();
    }, retry);
    retryTimer.unref();
    retry = Math.min(retry * 2, maxRetry);
  };

  const drop = (c: pg.Client, reason: unknown) => {
    if (client !== c) return;
    client = null;
    listening = false;
    log.warn({ err: reason }, 'auth-change listener lost its connection; reconnecting');
    c.end().catch(() => undefined);
    scheduleReconnect();
  };

  const connect = async () => {
    if (closed) return;
    const c = new pg.Client({ connectionString: opts.databaseUrl, application_name: 'zhiliang-auth-listen', keepAlive: true });
    client = c;
    // Without an 'error' listener a dead connection would end the process.
    c.on('error', (e) => drop(c, e));
    c.on('end', () => drop(c, new Error('connection ended')));
    c.on('notification', (n) => {
      if (n.channel === AUTH_CHANNEL && n.payload !== token) opts.onRemoteChange();
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${AUTH_CHANNEL}`);
    } catch (e) {
      drop(c, e);
      return;
    }
    if (closed || client !== c) {
      await c.end().catch(() => undefined);
      return;
    }
    listening = true;
    retry = minRetry;
    // Notifications sent while we were away are lost: assume something changed.
    if (wasConnected) {
      opts.onRemoteChange();
      log.info({}, 'auth-change listener reconnected');
    }
    wasConnected = true;
    for (const w of readyWaiters) w();
    readyWaiters = [];
  };

  void connect();

  return {
    publish() {
      const c = client;
      if (!c || !listening) return;
      c.query('SELECT pg_notify($1, $2)', [AUTH_CHANNEL, token]).catch((e: unknown) => log.warn({ err: e }, 'auth-change notification not sent'));
    },
    ready() {
      if (listening) return Promise.resolve();
      return new Promise((resolve) => readyWaiters.push(resolve));
    },
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      const c = client;
      client = null;
      listening = false;
      for (const w of readyWaiters) w();
      readyWaiters = [];
      await c?.end().catch(() => undefined);
    },
  };
}

/**
 * One notification from a short-lived process (the CLI): its auth writes reach the running servers
 * at once instead of after their cache's TTL.
 */
export async function notifyAuthChanged(databaseUrl: string): Promise<void> {
  const c = new pg.Client({ connectionString: databaseUrl, application_name: 'zhiliang-cli' });
  await c.connect();
  try {
    await c.query('SELECT pg_notify($1, $2)', [AUTH_CHANNEL, 'cli']);
  } finally {
    await c.end();
  }
}

/**
 * The auth-change listener on PostgreSQL (PostgreSQL pass only): it hears other processes, ignores
 * its own notifications, and after its connection is killed it reconnects by itself, drops the
 * cache once (notifications sent meanwhile are lost) and hears again.
 */
import pg from 'pg';
import { afterAll, describe, expect, it, inject } from 'vitest';
import { notifyAuthChanged, openAuthChannel, type AuthChannel } from './auth-channel.js';

const url = inject('databaseUrl');
const quiet = { info: () => undefined, warn: () => undefined };

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.skipIf(!url)('auth channel (LISTEN/NOTIFY)', () => {
  const channels: AuthChannel[] = [];
  afterAll(async () => {
    await Promise.all(channels.map((c) => c.close()));
  });

  it('hears another process, not itself, and survives a killed connection', async () => {
    let heard = 0;
    const ch = openAuthChannel({ databaseUrl: url, onRemoteChange: () => heard++, log: quiet, retryMs: 50 });
    channels.push(ch);
    await ch.ready();
    await notifyAuthChanged(url);
    await until(() => heard === 1);
    ch.publish();
    await new Promise((r) => setTimeout(r, 200));
    expect(heard).toBe(1);

    // An outage of this one connection: the server ends it, as a restart or failover would.
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const killed = await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'zhiliang-auth-listen' and datname = current_database()");
    await admin.end();
    expect(killed.rowCount).toBeGreaterThan(0);
    await until(() => heard === 2);
    await ch.ready();
    await notifyAuthChanged(url);
    await until(() => heard === 3);
  }, 30_000);
});

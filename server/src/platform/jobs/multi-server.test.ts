/**
 * Two real server processes on one PostgreSQL database (issue 13 §4): every job tick runs once
 * across both, and a user disabled through one server is refused by the other within one second
 * (LISTEN/NOTIFY, not the principal cache's 5-second TTL). PostgreSQL pass only: PGlite is one process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { PROJECT_ROOT } from '../../config/paths.js';
import { TEST_ADMIN_PASSWORD, TEST_DEMO_PASSWORD } from '../../test/constants.js';
import { cli } from '../../test/run-cli.js';

const serverUrl = inject('databaseUrl');
const CHILD = join(PROJECT_ROOT, 'server/src/test/job-server.child.ts');
const EVERY_MS = 200;
const TICK_MS = 400;

interface Server {
  proc: ChildProcess;
  url: string;
}

/** Start one server process; resolves with its address once it listens. */
function startServer(databaseUrl: string): Promise<Server> {
  const proc = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      ZHILIANG_DEMO: 'false',
      ZHILIANG_JOBS_EVERY_MS: String(EVERY_MS),
      PROBE_TICK_MS: String(TICK_MS),
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start in 90 s:\n${out}`)), 90_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /open:\s+(http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ proc, url: m[1]! });
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.on('exit', (code) => reject(new Error(`server exited (${code}):\n${out}`)));
  });
}

async function stopServer(s: Server | undefined): Promise<void> {
  if (!s || s.proc.exitCode !== null) return;
  const exited = new Promise((r) => s.proc.once('exit', r));
  s.proc.kill('SIGTERM');
  await exited;
}

/** A cookie-carrying client of one server (fetch, CSRF header on writes like the web app). */
class Client {
  private cookies = new Map<string, string>();
  constructor(private readonly base: string) {}

  async request(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const csrf = this.cookies.get('zl_csrf');
    if (method !== 'GET' && csrf) headers['x-csrf-token'] = csrf;
    const res = await fetch(`${this.base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    return res;
  }

  /** Another client with this one's session (the same browser talking to another server). */
  on(base: string): Client {
    const c = new Client(base);
    c.cookies = new Map(this.cookies);
    return c;
  }

  async login(username: string, password: string): Promise<void> {
    const res = await this.request('POST', '/api/auth/login', { username, password });
    expect(res.status, await res.clone().text()).toBe(200);
  }
}

describe.skipIf(!serverUrl)('two servers on one PostgreSQL', () => {
  const dbName = `zl_multi_${randomBytes(5).toString('hex')}`;
  let databaseUrl = '';
  let one: Server | undefined;
  let two: Server | undefined;
  const query = async <T extends pg.QueryResultRow>(text: string): Promise<T[]> => {
    const c = new pg.Client({ connectionString: databaseUrl });
    await c.connect();
    try {
      return (await c.query<T>(text)).rows;
    } finally {
      await c.end();
    }
  };

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName} TEMPLATE ${inject('pgTemplateDb')}`);
    await admin.end();
    const u = new URL(serverUrl);
    u.pathname = `/${dbName}`;
    databaseUrl = u.toString();
    await query('create table probe_tick (tick text not null, pid int not null)');
    // One after the other: the second start finds the database migrated and seeded.
    one = await startServer(databaseUrl);
    two = await startServer(databaseUrl);
  }, 200_000);

  afterAll(async () => {
    await Promise.all([stopServer(one), stopServer(two)]);
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }, 60_000);

  it('runs each job tick exactly once across both processes', async () => {
    // Several probe ticks, each checked about twice by each server.
    await new Promise((r) => setTimeout(r, 10 * TICK_MS));
    const runs = await query<{ job: string; tick_key: string; n: number; owners: number }>(
      `select job, tick_key, count(*)::int as n, count(distinct owner)::int as owners from job_run where status = 'ok' group by job, tick_key order by job, tick_key`,
    );
    const probe = runs.filter((r) => r.job === 'test.probe');
    expect(probe.length).toBeGreaterThanOrEqual(5);
    for (const r of runs) expect(r.n, `${r.job} ${r.tick_key}`).toBe(1);
    // The product's daily jobs: today's tick once each. The monthly risk recompute is not due (the
    // template was graded this month), so it has no tick at all.
    for (const job of ['credit.list-clock', 'credit.deadline-recount', 'credit.honour-rounds']) expect(runs.filter((r) => r.job === job), job).toHaveLength(1);
    expect(runs.filter((r) => r.job === 'credit.risk-recompute')).toHaveLength(0);
    // The side effect: one probe row per tick, never two.
    const effects = await query<{ tick: string; n: number }>('select tick, count(*)::int as n from probe_tick group by tick');
    expect(effects.length).toBeGreaterThanOrEqual(probe.length);
    for (const e of effects) expect(e.n, `probe tick ${e.tick}`).toBe(1);
    const failed = await query<{ n: number }>(`select count(*)::int as n from job_run where status <> 'ok' and status <> 'running'`);
    expect(failed[0]!.n).toBe(0);
    const owners = await query<{ owner: string }>(`select distinct owner from job_run`);
    console.info(`multi-server: ${probe.length} probe ticks, claimed by ${owners.length} process(es): ${owners.map((o) => o.owner).join(', ')}`);
  }, 60_000);

  it('refuses a user disabled through server 1 on server 2 within one second', async () => {
    const admin = new Client(one!.url);
    await admin.login('admin', TEST_ADMIN_PASSWORD);
    const users = (await (await admin.request('GET', '/api/system/users?keyword=inspector&pageSize=50')).json()) as { items: { id: number; username: string }[] };
    const inspector = users.items.find((u) => u.username === 'inspector');
    expect(inspector).toBeDefined();
    const onOne = new Client(one!.url);
    await onOne.login('inspector', TEST_DEMO_PASSWORD);
    const onTwo = onOne.on(two!.url);
    // Server 2 now holds the inspector's principal in its cache (5-second TTL).
    expect((await onTwo.request('GET', '/api/auth/me')).status).toBe(200);
    const disabled = await admin.request('PUT', `/api/system/users/${inspector!.id}/status`, { status: 'disabled' });
    expect(disabled.status).toBe(200);
    const t0 = Date.now();
    let status = 200;
    while (Date.now() - t0 < 3000) {
      status = (await onTwo.request('GET', '/api/auth/me')).status;
      if (status === 401) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    const ms = Date.now() - t0;
    console.info(`multi-server: disabled user refused by the other server after ${ms} ms`);
    expect(status).toBe(401);
    expect(ms).toBeLessThan(1000);
  }, 60_000);

  it('tells both servers when the CLI resets a password (the CLI is a third process)', async () => {
    const lab = new Client(two!.url);
    await lab.login('lab', TEST_DEMO_PASSWORD);
    // Keep the lab user's principal in server 2's cache while the CLI works.
    let polling = true;
    let refusedAt = 0;
    const poll = (async () => {
      while (polling) {
        if ((await lab.request('GET', '/api/auth/me')).status === 401) {
          refusedAt = Date.now();
          return;
        }
        await new Promise((r) => setTimeout(r, 25));
      }
    })();
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = databaseUrl;
    let done: number;
    try {
      const r = await cli('user', 'reset-password', 'lab');
      done = Date.now();
      expect(r.code, r.err).toBe(0);
    } finally {
      if (saved === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = saved;
    }
    const deadline = Date.now() + 3000;
    while (!refusedAt && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    polling = false;
    await poll;
    console.info(`multi-server: CLI password reset refused on server 2 ${refusedAt - done} ms after the CLI returned`);
    expect(refusedAt).toBeGreaterThan(0);
    expect(refusedAt - done).toBeLessThan(1000);
  }, 120_000);
});

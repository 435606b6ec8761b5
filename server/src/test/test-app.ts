/**
 * The app on a fresh test database, driven with `app.inject`, plus logged-in agents that carry the
 * session cookie and echo the CSRF token like the web app does.
 */
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.js';
import { composeModules, type Composition } from '../composition.js';
import { loadConfig, type Config } from '../config/config.js';
import type { Database, DbHandle } from '../db/client.js';
import type { ZApp } from '../platform/http/types.js';
import type { Ctx } from '../platform/context.js';
import { TEST_ADMIN_PASSWORD, TEST_DEMO_PASSWORD } from './constants.js';
import { createTestDb } from './test-db.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

/** The demo accounts of the test template, by username. */
export const DEMO_USERS = ['admin', 'quality-office', 'dept-user', 'district-user', 'inspector', 'lab', 'enterprise'] as const;
export type DemoUser = (typeof DEMO_USERS)[number];

export function passwordOf(username: string): string {
  return username === 'admin' ? TEST_ADMIN_PASSWORD : TEST_DEMO_PASSWORD;
}

function cookieHeader(jar: Map<string, string>): string {
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

function absorbCookies(jar: Map<string, string>, res: LightMyRequestResponse): void {
  for (const c of res.cookies) {
    if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) jar.delete(c.name);
    else jar.set(c.name, c.value);
  }
}

/** A browser-like client: keeps cookies, sends the CSRF header on writes. */
export class Agent {
  readonly jar = new Map<string, string>();

  /** `remoteAddress`: the client's address as the server sees it (default 127.0.0.1). */
  constructor(
    private readonly app: ZApp,
    private readonly remoteAddress?: string,
  ) {}

  async request(method: Method, url: string, opts: { body?: unknown; headers?: Record<string, string>; csrf?: boolean; payload?: InjectOptions['payload'] } = {}): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (this.jar.size > 0) headers.cookie = cookieHeader(this.jar);
    const csrf = this.jar.get('zl_csrf');
    if (method !== 'GET' && opts.csrf !== false && csrf) headers['x-csrf-token'] = csrf;
    const res = await this.app.inject({
      method,
      url,
      headers,
      ...(this.remoteAddress ? { remoteAddress: this.remoteAddress } : {}),
      ...(opts.payload !== undefined ? { payload: opts.payload } : opts.body !== undefined ? { payload: opts.body as InjectOptions['payload'] } : {}),
    });
    absorbCookies(this.jar, res);
    return res;
  }

  get(url: string, headers?: Record<string, string>) {
    return this.request('GET', url, { headers });
  }
  post(url: string, body?: unknown) {
    return this.request('POST', url, { body });
  }
  put(url: string, body?: unknown) {
    return this.request('PUT', url, { body });
  }
  delete(url: string) {
    return this.request('DELETE', url);
  }

  async login(username: string, password = passwordOf(username)): Promise<LightMyRequestResponse> {
    return this.request('POST', '/api/auth/login', { body: { username, password } });
  }
}

export interface TestApp {
  app: ZApp;
  db: Database;
  handle: DbHandle;
  config: Config;
  /** The modules the app was built with (the same composition as the server's). */
  composition: Composition;
  /** A fresh, anonymous client (from `remoteAddress`, default 127.0.0.1). */
  anon(remoteAddress?: string): Agent;
  /** A client logged in as a demo user (cached per username within the file). */
  as(username: DemoUser | string): Promise<Agent>;
  /** A use-case context acting as the system (for arranging data directly). */
  systemCtx(): Ctx;
  close(): Promise<void>;
}

export async function buildTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const handle = await createTestDb();
  const config = { ...loadConfig({}), ...overrides };
  const composition = composeModules();
  const app = await buildApp({ db: handle.db, dbKind: handle.kind, config, serveWeb: false, composition });
  await app.ready();
  const agents = new Map<string, Agent>();
  return {
    app,
    db: handle.db,
    handle,
    config,
    composition,
    anon: (remoteAddress?: string) => new Agent(app, remoteAddress),
    async as(username) {
      const cached = agents.get(username);
      if (cached) return cached;
      const agent = new Agent(app);
      const res = await agent.login(username);
      if (res.statusCode !== 200) throw new Error(`login as ${username} failed: ${res.statusCode} ${res.body}`);
      agents.set(username, agent);
      return agent;
    },
    systemCtx: () => composition.systemCtx(handle.db),
    async close() {
      await app.close();
      await handle.close();
    },
  };
}

/** The usual start of a route test file: an app on its own database, the administrator logged in. */
export async function openAdminApp(overrides: Partial<Config> = {}): Promise<{ t: TestApp; admin: Agent }> {
  const t = await buildTestApp(overrides);
  return { t, admin: await t.as('admin') };
}

/** The parsed JSON body of a response. */
export function json<T = Record<string, unknown>>(res: LightMyRequestResponse): T {
  return JSON.parse(res.body) as T;
}

/** The error code of an error response. */
export function errorCode(res: LightMyRequestResponse): string | undefined {
  try {
    return (JSON.parse(res.body) as { error?: { code?: string } }).error?.code;
  } catch {
    return undefined;
  }
}

/** A hand-made multipart/form-data body with one file (field `file`) and optional text fields. */
export function multipartBody(file: Buffer | null, opts: { filename?: string; fields?: Record<string, string>; type?: string } = {}) {
  const boundary = `----zhiliang-test-${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(opts.fields ?? {})) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${opts.filename ?? 'upload.bin'}"\r\nContent-Type: ${opts.type ?? 'application/octet-stream'}\r\n\r\n`),
      file,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

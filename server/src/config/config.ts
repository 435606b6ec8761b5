import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';
import { parseRateLimit, type RateLimitOptions } from '../platform/http/rate-limit.js';
import { PROJECT_ROOT } from './paths.js';

/**
 * Failed logins one client address may make: 30 at once, earned back at 2 a minute (30 per 15
 * minutes). ZHILIANG_LOGIN_RATE_LIMIT overrides it (`failures/seconds`, or `off`).
 */
export const DEFAULT_LOGIN_RATE_LIMIT: RateLimitOptions = { capacity: 30, windowMs: 15 * 60_000 };

/**
 * Which proxies to believe about the client's address (X-Forwarded-For), in Fastify's terms:
 * `false` none; a number the hops of proxies in front (1 for one nginx: the address it saw);
 * addresses or CIDR ranges of the proxies; `true` every hop — then the left-most X-Forwarded-For
 * entry, which a client can write itself, so only behind a proxy that replaces the header.
 */
export type TrustProxy = boolean | number | string[];

function parseTrustProxy(text: string, ctx: z.RefinementCtx): TrustProxy {
  const t = text.trim().toLowerCase();
  if (t === '' || t === 'false' || t === 'no' || t === '0') return false;
  if (t === 'true' || t === 'yes') return true;
  if (/^\d+$/.test(t)) return Number(t);
  const entries = t.split(',').map((e) => e.trim()).filter(Boolean);
  const bad = entries.filter((e) => {
    const [addr, bits, extra] = e.split('/');
    if (extra !== undefined || !addr || !isIP(addr)) return true;
    return bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= (isIP(addr) === 4 ? 32 : 128));
  });
  if (entries.length === 0 || bad.length > 0) {
    ctx.addIssue({ code: 'custom', message: `true, false, a number of proxy hops, or proxy addresses/CIDR ranges separated by commas (not ${bad.join(', ') || text})` });
    return false;
  }
  return entries;
}

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Environment variables, validated once at start. Documented in README.md (配置 / Configuration). */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  ZHILIANG_DATA_DIR: z.string().default('./data'),
  ZHILIANG_ADMIN_PASSWORD: z.string().optional(),
  ZHILIANG_DEMO_PASSWORD: z.string().optional(),
  ZHILIANG_DEMO: bool.default(true),
  ZHILIANG_COOKIE_SECURE: bool.default(false),
  ZHILIANG_TRUST_PROXY: z.string().default('false').transform(parseTrustProxy),
  ZHILIANG_LOGIN_RATE_LIMIT: z.string().optional(),
  ZHILIANG_SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(120),
  ZHILIANG_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  /** Check every periodic job this often instead of its own interval (tests and demonstrations). */
  ZHILIANG_JOBS_EVERY_MS: z.coerce.number().int().min(50).max(86_400_000).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  poolSize: number;
  dataDir: string;
  adminPassword: string | undefined;
  demoPassword: string | undefined;
  loadDemo: boolean;
  cookieSecure: boolean;
  trustProxy: TrustProxy;
  /** Failed logins per client address (null: no limit). */
  loginRateLimit: RateLimitOptions | null;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  /** Every job's check interval, overriding each job's own (unset: the jobs decide). */
  jobsEveryMs?: number | undefined;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /** JSON lines for log collectors; readable lines for a person at a terminal. */
  logFormat: 'json' | 'pretty';
}

/**
 * Load the configuration. `isTerminal` decides the default log format: a person at a terminal gets
 * readable lines, anything else (a service manager, a container, CI) JSON lines.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, isTerminal = Boolean(process.stdout.isTTY)): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`配置错误 / invalid configuration:\n${lines}`);
  }
  const e = parsed.data;
  let loginRateLimit: RateLimitOptions | null;
  try {
    loginRateLimit = parseRateLimit(e.ZHILIANG_LOGIN_RATE_LIMIT, DEFAULT_LOGIN_RATE_LIMIT);
  } catch (err) {
    throw new Error(`配置错误 / invalid configuration:\n  ZHILIANG_LOGIN_RATE_LIMIT: ${(err as Error).message}`, { cause: err });
  }
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    poolSize: e.DATABASE_POOL_SIZE,
    dataDir: resolve(PROJECT_ROOT, e.ZHILIANG_DATA_DIR),
    adminPassword: e.ZHILIANG_ADMIN_PASSWORD,
    demoPassword: e.ZHILIANG_DEMO_PASSWORD,
    loadDemo: e.ZHILIANG_DEMO,
    cookieSecure: e.ZHILIANG_COOKIE_SECURE,
    trustProxy: e.ZHILIANG_TRUST_PROXY,
    loginRateLimit,
    sessionIdleMinutes: e.ZHILIANG_SESSION_IDLE_MINUTES,
    sessionMaxHours: e.ZHILIANG_SESSION_MAX_HOURS,
    jobsEveryMs: e.ZHILIANG_JOBS_EVERY_MS,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT ?? (isTerminal ? 'pretty' : 'json'),
  };
}

import { resolve } from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from './paths.js';

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
  ZHILIANG_TRUST_PROXY: bool.default(false),
  ZHILIANG_SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(120),
  ZHILIANG_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
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
  trustProxy: boolean;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
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
    sessionIdleMinutes: e.ZHILIANG_SESSION_IDLE_MINUTES,
    sessionMaxHours: e.ZHILIANG_SESSION_MAX_HOURS,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT ?? (isTerminal ? 'pretty' : 'json'),
  };
}

/**
 * The server process: configuration → database (migrate, seed) → buildApp → listen.
 */
import { buildApp } from './app.js';
import { composeModules } from './composition.js';
import { openConfiguredDatabase, prepareDatabase } from './bootstrap.js';
import type { FastifyServerOptions } from 'fastify';
import type { Config } from './config/config.js';
import type { ZApp } from './platform/http/types.js';
import { scheduleListClock, scheduleMonthlyRiskRecompute } from './modules/credit/index.js';
import { loadPinyinTable, loadSearchDictionary } from './modules/entities/index.js';

/**
 * JSON lines (pino's own format) for collectors, or pino-pretty's readable lines for a terminal:
 * time, level and message, without the pid and host that a person does not need.
 */
export function loggerOptions(config: Pick<Config, 'logLevel' | 'logFormat'>): FastifyServerOptions['logger'] {
  if (config.logFormat === 'json') return { level: config.logLevel };
  return {
    level: config.logLevel,
    transport: { target: 'pino-pretty', options: { translateTime: 'SYS:yyyy-mm-dd HH:MM:ss', ignore: 'pid,hostname', singleLine: true } },
  };
}

export async function startServer(config: Config): Promise<{ close(): Promise<void>; url: string }> {
  const started = performance.now();
  const handle = await openConfiguredDatabase(config);
  let app: ZApp | undefined;
  // The modules, composed once: the start-up seeding, the routes and the clocks share their listeners.
  const composition = composeModules();
  const listen = async () => {
    const prepared = await prepareDatabase(handle, config, { demo: config.loadDemo, composition });
    app = await buildApp({
      db: handle.db,
      composition,
      dbKind: handle.kind,
      config,
      logger: loggerOptions(config),
    });
    loadSearchDictionary();
    loadPinyinTable();
    // On a terminal the banner below names the address; Fastify's own line per network interface
    // (0.0.0.0 lists every one, including addresses nobody can reach) is only noise there.
    const level = app.log.level;
    if (config.logFormat === 'pretty') app.log.level = 'warn';
    const started = app;
    const address = await app.listen({ port: config.port, host: config.host }).finally(() => {
      started.log.level = level;
    });
    return { app, prepared, address };
  };
  let ready: Awaited<ReturnType<typeof listen>>;
  try {
    ready = await listen();
  } catch (e) {
    // Release the database (the PGlite lock, the pool) so that the process can end and say why.
    await app?.close().catch(() => undefined);
    await handle.close().catch(() => undefined);
    throw e;
  }
  const { prepared, address } = ready;
  const running = ready.app;
  // Credit-risk classes are recomputed monthly (reference §4): checked now and hourly.
  const stopRiskSchedule = scheduleMonthlyRiskRecompute(handle.db, composition.domain, (e) => running.log.error(e, 'monthly credit-risk recompute failed'));
  // The statutory list clock (auto-removal, end of publication periods, missed steps): now, then daily.
  const stopListClock = scheduleListClock(handle.db, composition.domain, (e) => running.log.error(e, 'credit list clock failed'));
  // Listening on every interface: the address to open on this machine is localhost.
  const url = ['0.0.0.0', '::'].includes(config.host) ? `http://localhost:${new URL(address).port}` : address;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const lines = [
    '',
    `  Zhiliang 质量强市 已启动 / is running (${seconds}s)`,
    `  打开 open:           ${url}`,
    `  接口文档 API docs:   ${url}/api/docs`,
    `  数据库 database:     ${handle.kind === 'pglite' ? `PGlite ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)'}`,
    ...prepared.messages.map((m) => `  ${m}`),
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      stopRiskSchedule();
      stopListClock();
      await running.close();
      await handle.close();
    })());
  return { close, url };
}

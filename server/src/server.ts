/**
 * The server process: configuration → database (migrate, seed) → buildApp → listen.
 */
import { buildApp } from './app.js';
import { composeModules } from './composition.js';
import { openConfiguredDatabase, prepareDatabase } from './bootstrap.js';
import type { FastifyServerOptions } from 'fastify';
import type { Config } from './config/config.js';
import type { ZApp } from './platform/http/types.js';
import { loadPinyinTable, loadSearchDictionary } from './modules/entities/index.js';
import type { JobDefinition } from './platform/jobs/job.js';
import { createScheduler } from './platform/jobs/scheduler.js';

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

export interface StartOptions {
  /** Jobs run besides the product's (the multi-server test's probe). */
  extraJobs?: readonly JobDefinition[];
}

export async function startServer(config: Config, opts: StartOptions = {}): Promise<{ close(): Promise<void>; url: string }> {
  const started = performance.now();
  const handle = await openConfiguredDatabase(config);
  let app: ZApp | undefined;
  // The modules, composed once: the start-up seeding, the routes and the clocks share their listeners.
  const composition = composeModules();
  // Periodic work (list clocks, recounts, honour rounds, the monthly risk recompute): each tick runs
  // once across every server sharing the database (platform/jobs). Its log is the app's, once built.
  const scheduler = createScheduler({
    db: handle.db,
    dbKind: handle.kind,
    jobs: [...composition.jobs, ...(opts.extraJobs ?? [])],
    everyMs: config.jobsEveryMs,
    log: { info: (o, m) => app?.log.info(o, m), error: (o, m) => app?.log.error(o, m) },
  });
  const listen = async () => {
    const prepared = await prepareDatabase(handle, config, { demo: config.loadDemo, composition });
    app = await buildApp({
      db: handle.db,
      composition,
      dbKind: handle.kind,
      config,
      logger: loggerOptions(config),
      scheduler,
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
  scheduler.start();
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
      // Runs in flight finish (and record their outcome) before the database closes.
      await scheduler.stop();
      await running.close();
      await handle.close();
    })());
  return { close, url };
}

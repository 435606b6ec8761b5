/**
 * The server process: configuration → database (migrate, seed) → buildApp → listen.
 */
import { buildApp } from './app.js';
import { openConfiguredDatabase, prepareDatabase } from './bootstrap.js';
import type { Config } from './config/config.js';
import { scheduleListClock, scheduleMonthlyRiskRecompute } from './modules/credit/index.js';
import { loadPinyinTable, loadSearchDictionary } from './modules/entities/index.js';

export async function startServer(config: Config): Promise<{ close(): Promise<void>; url: string }> {
  const started = performance.now();
  const handle = await openConfiguredDatabase(config);
  const prepared = await prepareDatabase(handle, config, { demo: config.loadDemo });
  const app = await buildApp({
    db: handle.db,
    dbKind: handle.kind,
    config,
    logger: { level: config.logLevel },
  });
  loadSearchDictionary();
  loadPinyinTable();
  const address = await app.listen({ port: config.port, host: config.host });
  // Credit-risk classes are recomputed monthly (reference §4): checked now and hourly.
  const stopRiskSchedule = scheduleMonthlyRiskRecompute(handle.db, (e) => app.log.error(e, 'monthly credit-risk recompute failed'));
  // The statutory list clock (auto-removal, end of publication periods, missed steps): now, then daily.
  const stopListClock = scheduleListClock(handle.db, (e) => app.log.error(e, 'credit list clock failed'));
  const url = address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost');
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const lines = [
    '',
    `  Zhiliang 质量强市 已启动 / is running: ${url}   (${handle.kind === 'pglite' ? `PGlite: ${config.dataDir}` : 'PostgreSQL'}, ${seconds}s)`,
    `  接口文档 API docs: ${url}/api/docs`,
    ...prepared.messages.map((m) => `  ${m}`),
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      stopRiskSchedule();
      stopListClock();
      await app.close();
      await handle.close();
    })());
  return { close, url };
}

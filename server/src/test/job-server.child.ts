/**
 * One server process of the multi-server test (platform/jobs/multi-server.test.ts): the real
 * `startServer` from the environment, plus a probe job whose tick changes every PROBE_TICK_MS and
 * whose run writes one row per tick into `probe_tick` (a table the test created), so the test counts
 * both the claims and their side effect.
 */
import { sql } from 'drizzle-orm';
import { loadConfig } from '../config/config.js';
import type { JobDefinition } from '../platform/jobs/job.js';
import { startServer } from '../server.js';

const tickMs = Number(process.env.PROBE_TICK_MS ?? 400);
const tickOf = (now: Date) => String(Math.floor(now.getTime() / tickMs));

const probe: JobDefinition = {
  name: 'test.probe',
  title: { zh: '探针', en: 'Probe' },
  everyMs: tickMs,
  tickKey: async (_db, now) => tickOf(now),
  run: async (db, now) => {
    await db.execute(sql`insert into probe_tick (tick, pid) values (${tickOf(now)}, ${process.pid})`);
    return { pid: process.pid };
  },
};

const server = await startServer(loadConfig(), { extraJobs: [probe] });
const stop = async () => {
  await server.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());

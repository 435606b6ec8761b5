/**
 * The periodic jobs of the product, for the scheduler (platform/jobs). Thin on purpose: it only
 * names credit's existing public functions as jobs; the composition root replaces this file with the
 * modules' own `jobs` when it lands.
 */
import { todayInChina } from '../../contracts/common.js';
import { runListClock, runMonthlyRiskRecompute } from './modules/credit/index.js';
import type { CalendarStore } from './modules/system/index.js';
import { systemCtx } from './platform/context.js';
import type { JobDefinition } from './platform/jobs/job.js';

const HOUR = 3_600_000;

export function appJobs(deps: { calendar: CalendarStore }): JobDefinition[] {
  return [
    {
      name: 'credit.list-clock',
      title: { zh: '信用名单期限处理（自动移出、公示期满、红黑榜轮次、期限重算）', en: 'Credit-list clock (removals, publication ends, honour rounds, deadline recounts)' },
      everyMs: HOUR,
      // Once per China day, and again the same day when the working-day calendar is corrected
      // (deadlines counted in working days move with it).
      tickKey: async (db, now) => `${todayInChina(now)}|${(await deps.calendar.get(db)).fingerprint}`,
      run: (db, now) => runListClock(systemCtx(db, { username: 'system:schedule' }), todayInChina(now)),
    },
    {
      name: 'credit.risk-recompute',
      title: { zh: '信用风险分类月度重算', en: 'Monthly credit-risk classification' },
      everyMs: HOUR,
      // Reference §4: risk classes are updated every month. The run itself skips a month already
      // recomputed by hand (it answers null then).
      tickKey: async (_db, now) => todayInChina(now).slice(0, 7),
      run: (db) => runMonthlyRiskRecompute(db),
    },
  ];
}

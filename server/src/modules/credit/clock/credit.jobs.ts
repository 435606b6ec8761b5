/**
 * The credit module's periodic work, as jobs the scheduler (platform/jobs) runs once per tick across
 * every server process. Each `run` is idempotent per tick: running a day's clock twice changes
 * nothing, so a retried tick is harmless.
 */
import { todayInChina } from '../../../platform/calendar/today.js';
import { systemCtx, type Domain } from '../../../platform/context.js';
import type { JobDefinition } from '../../../platform/jobs/job.js';
import { publishScheduledRounds } from '../honours/honour.service.js';
import { endDuePeriods, recountOpenDeadlines, refreshOverdueFlags } from './list-clock.js';
import { lastRecomputeOn } from '../scoring/scoring.repository.js';
import { monthlyRecomputeDue } from '../scoring/scoring.rules.js';
import { recomputeEvaluations } from '../scoring/scoring.service.js';

const HOUR = 3_600_000;

/** The China date of `now` (the statutory clocks count China's days). */
const chinaDate = (now: Date): string => todayInChina(now);

export function creditJobs(domain: Domain): JobDefinition[] {
  const ctxOf = (db: Parameters<JobDefinition['run']>[0]) => systemCtx(db, domain, { username: 'system:schedule' });
  return [
    {
      name: 'credit.list-clock',
      title: { zh: '名单时钟（自动移出、公示期满、有效期届满、逾期标记）', en: 'List clock (auto-removals, publication ends, expiry, overdue flags)' },
      cadence: { zh: '每日', en: 'Daily' },
      everyMs: HOUR,
      tickKey: async (_db, now) => chinaDate(now),
      run: async (db, now) => {
        const ctx = ctxOf(db);
        const today = chinaDate(now);
        return { today, ...(await endDuePeriods(ctx, today)), flagged: await refreshOverdueFlags(ctx, today) };
      },
    },
    {
      name: 'credit.deadline-recount',
      title: { zh: '法定期限重算（节假日安排变更后）', en: 'Deadline recount (after the holiday calendar changes)' },
      cadence: { zh: '每日，及节假日安排变更后', en: 'Daily, and when the holiday calendar changes' },
      everyMs: HOUR,
      // A year's notice loaded or a day corrected changes the fingerprint: a new tick within the hour.
      tickKey: async (db, now) => `${chinaDate(now)}|${(await domain.calendar.get(db)).fingerprint}`,
      run: async (db) => ({ deadlinesRecomputed: await recountOpenDeadlines(ctxOf(db)) }),
    },
    {
      name: 'credit.honour-rounds',
      title: { zh: '红黑榜定期发布', en: 'Scheduled red/black list rounds' },
      cadence: { zh: '每日', en: 'Daily' },
      everyMs: HOUR,
      tickKey: async (_db, now) => chinaDate(now),
      run: async (db, now) => ({ published: await publishScheduledRounds(ctxOf(db), chinaDate(now)) }),
    },
    {
      name: 'credit.risk-recompute',
      title: { zh: '信用风险分类月度重算', en: 'Monthly credit-risk recompute' },
      cadence: { zh: '每月（立即执行时即重算）', en: 'Monthly (run now recomputes at once)' },
      everyMs: HOUR,
      // Reference §4: classes are updated every month; due when the last run is before the 1st.
      tickKey: async (db, now) => (monthlyRecomputeDue(await lastRecomputeOn(db, 'risk'), chinaDate(now)) ? chinaDate(now).slice(0, 7) : null),
      // The tick decides whether the month is due; a run, scheduled or by hand (立即执行), recomputes.
      run: async (db) => {
        const [r] = (await recomputeEvaluations(systemCtx(db, domain, { username: 'system:schedule' }), { kind: 'risk', trigger: 'schedule' })).results;
        return r ? { evaluated: r.entities, changed: r.changed, modelVersion: r.modelVersion } : { evaluated: 0, changed: 0 };
      },
    },
  ];
}

/** The supervision dashboard: completion by unit and by district, overdue tasks, indicators against targets — in the caller's scope. */
import type { Dashboard } from '../../../../contracts/plans.js';
import { todayInChina } from '../../platform/calendar/today.js';
import type { Ctx } from '../../platform/context.js';
import { completionByDistrict, completionByUnit, countPlansWithTasks, countReportsToReview, districtNames, listIndicators, taskCountsByStatus } from './plans.repository.js';
import { completionRate } from './plans.rules.js';
import { toIndicatorDto } from './indicator.service.js';
import { TASK_STATUSES } from '../../../../contracts/plans.js';

/** Units shown in the by-unit chart: the busiest ones (a city has ~80 units; a chart shows ~30). */
const UNIT_LIMIT = 30;
const INDICATOR_LIMIT = 50;

export async function getDashboard(ctx: Ctx, q: { planId?: number | undefined }): Promise<Dashboard> {
  const today = todayInChina();
  const [statusCounts, units, districts, plans, awaitingReview, indicators] = await Promise.all([
    taskCountsByStatus(ctx.db, ctx.scope, q.planId),
    completionByUnit(ctx.db, ctx.scope, q.planId, today),
    completionByDistrict(ctx.db, ctx.scope, q.planId, today),
    countPlansWithTasks(ctx.db, ctx.scope, q.planId),
    countReportsToReview(ctx.db, ctx.scope, q.planId),
    listIndicators(ctx.db, { planId: q.planId, scope: ctx.scope }, { offset: 0, limit: INDICATOR_LIMIT }),
  ]);
  const names = await districtNames(ctx.db, districts.map((d) => d.districtCode));
  const byStatus = new Map(statusCounts.map((s) => [s.status, s.count]));
  const tasks = statusCounts.reduce((n, s) => n + s.count, 0);
  const completed = byStatus.get('completed') ?? 0;
  return {
    totals: { plans, tasks, completed, overdue: units.reduce((n, u) => n + u.overdue, 0), awaitingReview },
    byStatus: TASK_STATUSES.map((status) => ({ status, count: byStatus.get(status) ?? 0 })),
    byUnit: units.slice(0, UNIT_LIMIT).map((u) => ({ ...u, completion: completionRate(u.completed, u.tasks) })),
    byDistrict: districts.map((d) => ({ ...d, districtName: names.get(d.districtCode) ?? d.districtCode, completion: completionRate(d.completed, d.tasks) })),
    indicators: indicators.rows.map(toIndicatorDto),
  };
}

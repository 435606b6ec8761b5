/** The home page's figures, all read from the database. */
import type { Overview } from '../../../../contracts/system.js';
import { recentOperLogs } from '../../platform/oplog/oplog.repository.js';
import type { Ctx } from '../../platform/context.js';
import { todayInChina } from '../../platform/calendar/today.js';
import { calendarYearsWithStats, nextHoliday } from './calendar.repository.js';
import { countDepartmentsByKind } from './department.repository.js';
import { countDistricts } from './district.repository.js';
import { namesOf } from './people.service.js';
import { countUsers, countUsersByRole } from './user.repository.js';

/** Figures for the home page, counted within the caller's data scope (an enterprise user sees its own). */
export async function getOverview(ctx: Ctx, opts: { showOperations: boolean }): Promise<Overview> {
  const [users, usersByRole, byKind, districts, recent, years, holiday] = await Promise.all([
    countUsers(ctx.db, ctx.scope),
    countUsersByRole(ctx.db, ctx.scope),
    countDepartmentsByKind(ctx.db, ctx.scope),
    countDistricts(ctx.db),
    opts.showOperations ? recentOperLogs(ctx.db, 10) : Promise.resolve([]),
    calendarYearsWithStats(ctx.db),
    nextHoliday(ctx.db, todayInChina()),
  ]);
  const nameOf = await namesOf(ctx.db, recent.map((o) => o.operName));
  return {
    users,
    usersByRole,
    departments: { total: byKind.reduce((s, k) => s + k.count, 0), byKind },
    districts,
    recentOperations: recent.map((o) => ({
      id: o.id,
      title: o.title,
      operType: o.operType,
      operName: o.operName,
      operDisplayName: nameOf(o.operName),
      status: o.status,
      operTime: o.operTime.toISOString(),
    })),
    calendar: { years: years.map((y) => y.year), nextHoliday: holiday },
  };
}

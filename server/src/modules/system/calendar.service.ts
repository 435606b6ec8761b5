/**
 * Working-day calendar use cases: load a year from the State Council notice, correct single days,
 * and answer deadline questions from the in-memory calendar.
 */
import type { CalendarDay, CalendarYear, CreateCalendarYearBody, UpdateCalendarDayBody } from '../../../../contracts/calendar.js';
import type { DayKind } from '../../../../contracts/dicts.js';
import { msg } from '../../../../contracts/i18n.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import {
  buildYearDays,
  CalendarRangeError,
  isWorkingKind,
  toDayNumber,
  weekday,
} from '../../platform/calendar/calendar.rules.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/http/errors.js';
import {
  calendarYearsWithStats,
  daysOfYear,
  findCalendarDay,
  findCalendarYear,
  updateCalendarDayRow,
  writeCalendarYear,
  type CalendarDayRow,
} from './calendar.repository.js';
import type { CalendarStore } from './calendar.store.js';

export function toCalendarDayDto(d: CalendarDayRow): CalendarDay {
  const kind = d.kind as DayKind;
  return { date: d.date, kind, name: d.name, working: isWorkingKind(kind) };
}

export async function listCalendarYears(ctx: Ctx): Promise<CalendarYear[]> {
  const rows = await calendarYearsWithStats(ctx.db);
  return rows.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() }));
}

export async function getCalendarYear(ctx: Ctx, year: number): Promise<{ year: CalendarYear; days: CalendarDay[] }> {
  const years = await listCalendarYears(ctx);
  const y = years.find((r) => r.year === year);
  if (!y) throw new AppError('NOT_FOUND');
  return { year: y, days: (await daysOfYear(ctx.db, year)).map(toCalendarDayDto) };
}

/**
 * Load (or, with `replace`, re-load) a year from its State Council notice: holiday blocks and
 * adjusted working days; every other day follows the week.
 */
export async function saveCalendarYear(ctx: Ctx, store: CalendarStore, body: CreateCalendarYearBody, opts: { replace: boolean }): Promise<CalendarYear> {
  const existing = await findCalendarYear(ctx.db, body.year);
  if (existing && !opts.replace) throw new AppError('CALENDAR_YEAR_EXISTS', { details: { year: body.year } });
  if (!existing && opts.replace) throw new AppError('NOT_FOUND');
  // A contradictory notice throws CalendarInputError: the error handler answers 400 with its message.
  const days = buildYearDays(body.year, body.holidays, body.workdays);
  const summary = (list: { kind: string }[]) => ({
    holidayDays: list.filter((d) => d.kind === 'holiday').length,
    adjustedWorkdayCount: list.filter((d) => d.kind === 'adjusted_workday').length,
  });
  const beforeDays = existing ? await daysOfYear(ctx.db, body.year) : [];
  await ctx.db.transaction(async (tx) => {
    await writeCalendarYear(tx, body.year, body.source ?? null, days);
    await appendAudit(tx, ctx, {
      action: existing ? 'system.calendar.year.replace' : 'system.calendar.year.create',
      targetType: 'calendar_year',
      targetId: body.year,
      before: existing ? { source: existing.source, ...summary(beforeDays) } : undefined,
      after: { source: body.source ?? null, holidays: body.holidays, workdays: body.workdays, ...summary(days) },
    });
  });
  store.invalidate();
  const years = await listCalendarYears(ctx);
  return years.find((y) => y.year === body.year)!;
}

/**
 * Correct one day. Monday–Friday can be a working day or a holiday; Saturday and Sunday a rest day,
 * a holiday or an adjusted working day (调休上班).
 */
export async function updateCalendarDay(ctx: Ctx, store: CalendarStore, date: string, body: UpdateCalendarDayBody): Promise<CalendarDay> {
  const existing = await findCalendarDay(ctx.db, date);
  if (!existing) {
    const years = (await listCalendarYears(ctx)).map((y) => y.year);
    throw new CalendarRangeError(date, years);
  }
  const weekend = [0, 6].includes(weekday(toDayNumber(date)));
  const allowed: DayKind[] = weekend ? ['restday', 'holiday', 'adjusted_workday'] : ['workday', 'holiday'];
  if (!allowed.includes(body.kind)) {
    throw new AppError('VALIDATION_FAILED', {
      details: [{
        path: 'kind',
        code: 'calendar',
        message: weekend
          ? msg('周末只能是休息日、法定节假日或调休上班', 'A weekend day is a rest day, a holiday or an adjusted working day')
          : msg('工作日只能是工作日或法定节假日', 'A weekday is a working day or a holiday'),
      }],
    });
  }
  const name = body.kind === 'holiday' ? body.name?.trim() || '节假日' : body.kind === 'adjusted_workday' ? '调休上班' : null;
  const row = await ctx.db.transaction(async (tx) => {
    const updated = await updateCalendarDayRow(tx, date, body.kind, name);
    await appendAudit(tx, ctx, {
      action: 'system.calendar.day.update',
      targetType: 'calendar_day',
      targetId: date,
      before: toCalendarDayDto(existing),
      after: toCalendarDayDto(updated),
    });
    return updated;
  });
  store.invalidate();
  return toCalendarDayDto(row);
}

/** Deadline arithmetic for the API; `provisional` when the count runs through a year without a loaded notice. */
export async function addWorkingDays(ctx: Ctx, store: CalendarStore, from: string, days: number): Promise<{ date: string; provisional: boolean }> {
  const cal = await store.get(ctx.db);
  const date = cal.addWorkingDays(from, days);
  return { date, provisional: cal.provisionalYearIn(from, date) !== null };
}

export async function workingDaysBetween(ctx: Ctx, store: CalendarStore, from: string, to: string): Promise<{ days: number; provisional: boolean }> {
  const cal = await store.get(ctx.db);
  return { days: cal.workingDaysBetween(from, to), provisional: cal.provisionalYearIn(from, to) !== null };
}

export async function calendarDeadline(ctx: Ctx, store: CalendarStore, from: string, days: number): Promise<{ date: string; provisional: boolean }> {
  const cal = await store.get(ctx.db);
  const date = cal.calendarDeadline(from, days);
  return { date, provisional: cal.provisionalYearIn(from, date) !== null };
}

import { and, asc, eq, gte, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { CalendarDayInput } from '../../platform/calendar/calendar.rules.js';
import { calendarDay, calendarYear } from './system.table.js';

export type CalendarYearRow = typeof calendarYear.$inferSelect;
export type CalendarDayRow = typeof calendarDay.$inferSelect;

export async function allCalendarDays(db: Executor): Promise<CalendarDayRow[]> {
  return db.select().from(calendarDay).orderBy(asc(calendarDay.date));
}

export async function calendarYearsWithStats(db: Executor) {
  return db
    .select({
      year: calendarYear.year,
      source: calendarYear.source,
      updatedAt: calendarYear.updatedAt,
      workingDays: sql<number>`count(*) filter (where ${calendarDay.kind} in ('workday', 'adjusted_workday'))`.mapWith(Number),
      holidays: sql<number>`count(*) filter (where ${calendarDay.kind} = 'holiday')`.mapWith(Number),
      adjustedWorkdays: sql<number>`count(*) filter (where ${calendarDay.kind} = 'adjusted_workday')`.mapWith(Number),
    })
    .from(calendarYear)
    .leftJoin(calendarDay, eq(calendarDay.year, calendarYear.year))
    .groupBy(calendarYear.year, calendarYear.source, calendarYear.updatedAt)
    .orderBy(asc(calendarYear.year));
}

export async function findCalendarYear(db: Executor, year: number): Promise<CalendarYearRow | null> {
  const [row] = await db.select().from(calendarYear).where(eq(calendarYear.year, year));
  return row ?? null;
}

export async function daysOfYear(db: Executor, year: number): Promise<CalendarDayRow[]> {
  return db.select().from(calendarDay).where(eq(calendarDay.year, year)).orderBy(asc(calendarDay.date));
}

export async function findCalendarDay(db: Executor, date: string): Promise<CalendarDayRow | null> {
  const [row] = await db.select().from(calendarDay).where(eq(calendarDay.date, date));
  return row ?? null;
}

/** Insert or replace a whole year. */
export async function writeCalendarYear(db: Executor, year: number, source: string | null, days: readonly CalendarDayInput[]): Promise<void> {
  await db
    .insert(calendarYear)
    .values({ year, source })
    .onConflictDoUpdate({ target: calendarYear.year, set: { source, updatedAt: new Date() } });
  await db.delete(calendarDay).where(eq(calendarDay.year, year));
  await db.insert(calendarDay).values(days.map((d) => ({ date: d.date, year, kind: d.kind, name: d.name ?? null })));
}

export async function updateCalendarDayRow(db: Executor, date: string, kind: string, name: string | null): Promise<CalendarDayRow> {
  const [row] = await db.update(calendarDay).set({ kind, name, updatedAt: new Date() }).where(eq(calendarDay.date, date)).returning();
  await db
    .update(calendarYear)
    .set({ updatedAt: new Date() })
    .where(eq(calendarYear.year, row!.year));
  return row!;
}

/** The next public holiday on or after `date`. */
export async function nextHoliday(db: Executor, date: string): Promise<{ date: string; name: string } | null> {
  const [row] = await db
    .select({ date: calendarDay.date, name: calendarDay.name })
    .from(calendarDay)
    .where(and(eq(calendarDay.kind, 'holiday'), gte(calendarDay.date, date)))
    .orderBy(asc(calendarDay.date))
    .limit(1);
  return row ? { date: row.date, name: row.name ?? '' } : null;
}

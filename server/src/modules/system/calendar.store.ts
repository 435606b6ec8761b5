/**
 * The loaded working-day calendar, kept in memory for O(1) deadline arithmetic. Reloaded after any
 * calendar write in this process, and at most a minute after a write by another process.
 */
import type { Executor } from '../../db/client.js';
import { WorkingCalendar } from '../../platform/calendar/calendar.rules.js';
import type { DayKind } from '../../../../contracts/dicts.js';
import { allCalendarDays } from './calendar.repository.js';

export interface CalendarStore {
  get(db: Executor): Promise<WorkingCalendar>;
  invalidate(): void;
}

export function createCalendarStore(ttlMs = 60_000): CalendarStore {
  let cached: { calendar: WorkingCalendar; at: number } | null = null;
  let loading: Promise<WorkingCalendar> | null = null;
  return {
    async get(db) {
      const now = Date.now();
      if (cached && now - cached.at < ttlMs) return cached.calendar;
      loading ??= allCalendarDays(db)
        .then((rows) => {
          const calendar = new WorkingCalendar(rows.map((r) => ({ date: r.date, kind: r.kind as DayKind, name: r.name })));
          cached = { calendar, at: Date.now() };
          return calendar;
        })
        .finally(() => {
          loading = null;
        });
      return loading;
    },
    invalidate() {
      cached = null;
    },
  };
}

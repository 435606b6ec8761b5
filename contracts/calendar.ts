import { z } from 'zod';
import { isoDate } from './common.js';
import { DAY_KINDS } from './dicts.js';

export const dayKind = z.enum(DAY_KINDS);

export const calendarDaySchema = z.object({
  date: z.string(),
  kind: dayKind,
  name: z.string().nullable(),
  working: z.boolean(),
});
export type CalendarDay = z.infer<typeof calendarDaySchema>;

export const calendarYearSchema = z.object({
  year: z.number().int(),
  source: z.string().nullable(),
  workingDays: z.number().int(),
  holidays: z.number().int(),
  adjustedWorkdays: z.number().int(),
  updatedAt: z.string(),
});
export type CalendarYear = z.infer<typeof calendarYearSchema>;

export const calendarYearsResponse = z.object({ items: z.array(calendarYearSchema) });
export const yearParam = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });
export const calendarDaysResponse = z.object({ year: calendarYearSchema, days: z.array(calendarDaySchema) });

/** A holiday block as the State Council notice prints it (from–to, inclusive). */
export const holidayRange = z.strictObject({ name: z.string().trim().min(1).max(50), from: isoDate, to: isoDate });

/**
 * Add a year: weekends are rest days and Monday–Friday working days unless the notice lists them as
 * holidays or adjusted working days (调休上班).
 */
export const createCalendarYearBody = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  source: z.string().trim().max(200).nullable().optional(),
  holidays: z.array(holidayRange).max(30).default([]),
  workdays: z.array(isoDate).max(30).default([]),
});
export type CreateCalendarYearBody = z.infer<typeof createCalendarYearBody>;

export const updateCalendarDayBody = z.strictObject({ kind: dayKind, name: z.string().trim().max(50).nullable().optional() });
export type UpdateCalendarDayBody = z.infer<typeof updateCalendarDayBody>;
export const dateParam = z.strictObject({ date: isoDate });

export const addWorkingDaysQuery = z.strictObject({ from: isoDate, days: z.coerce.number().int().min(0).max(3650) });
export const workingDaysBetweenQuery = z.strictObject({ from: isoDate, to: isoDate });
export const calendarDeadlineQuery = z.strictObject({ from: isoDate, days: z.coerce.number().int().min(0).max(3650) });
/** `provisional`: the count runs through a year whose State Council holiday notice is not loaded, so it is an estimate. */
export const dateResponse = z.object({ date: z.string(), provisional: z.boolean() });
export type DateResult = z.infer<typeof dateResponse>;
export const countResponse = z.object({ days: z.number().int(), provisional: z.boolean() });
export const calendarDayResponse = calendarDaySchema;

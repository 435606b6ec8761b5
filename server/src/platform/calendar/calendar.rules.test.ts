import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CN_HOLIDAY_NOTICES } from './cn-holidays.data.js';
import {
  addCalendarDays,
  buildYearDays,
  CalendarInputError,
  CalendarRangeError,
  fromDayNumber,
  toDayNumber,
  weekday,
  WorkingCalendar,
} from './calendar.rules.js';

const calendar = new WorkingCalendar(CN_HOLIDAY_NOTICES.flatMap((n) => buildYearDays(n.year, n.holidays, n.workdays)));

describe('day numbers', () => {
  it('round-trip every day of 1999–2101', () => {
    const start = toDayNumber('1999-01-01');
    const end = toDayNumber('2101-12-31');
    for (let n = start; n <= end; n++) {
      const d = new Date(n * 86_400_000).toISOString().slice(0, 10);
      expect(fromDayNumber(n)).toBe(d);
      expect(toDayNumber(d)).toBe(n);
    }
  });

  it('knows weekdays', () => {
    expect(weekday(toDayNumber('2026-11-23'))).toBe(1); // a Monday
    expect(weekday(toDayNumber('1970-01-01'))).toBe(4);
  });

  it('rejects impossible dates and other text', () => {
    for (const bad of ['2026-02-29', '2025-13-01', '2025-00-10', '2025-1-1', '20250101', 'abcd-ef-gh', '', '2024-02-30']) {
      expect(() => toDayNumber(bad), bad).toThrow(CalendarInputError);
    }
    expect(toDayNumber('2024-02-29')).toBe(toDayNumber('2024-03-01') - 1);
  });
});

describe('buildYearDays', () => {
  it('makes the State Council 2026 schedule', () => {
    const days = new Map(buildYearDays(2026, CN_HOLIDAY_NOTICES[2]!.holidays, CN_HOLIDAY_NOTICES[2]!.workdays).map((d) => [d.date, d]));
    expect(days.size).toBe(365);
    expect(days.get('2026-01-01')).toMatchObject({ kind: 'holiday', name: '元旦' });
    expect(days.get('2026-01-03')).toMatchObject({ kind: 'holiday' }); // a Saturday inside the block
    expect(days.get('2026-01-04')).toMatchObject({ kind: 'adjusted_workday' }); // Sunday, 调休上班
    expect(days.get('2026-02-15')).toMatchObject({ kind: 'holiday', name: '春节' });
    expect(days.get('2026-02-23')).toMatchObject({ kind: 'holiday', name: '春节' });
    expect(days.get('2026-11-21')).toMatchObject({ kind: 'restday' });
    expect(days.get('2026-11-23')).toMatchObject({ kind: 'workday' });
  });

  it('counts 2025: 248 working days (261 weekdays − 18 holiday weekdays + 5 adjusted)', () => {
    const n = CN_HOLIDAY_NOTICES[1]!;
    const days = buildYearDays(2025, n.holidays, n.workdays);
    expect(days.filter((d) => d.kind === 'workday' || d.kind === 'adjusted_workday')).toHaveLength(248);
  });

  it('refuses notices that contradict themselves', () => {
    expect(() => buildYearDays(2026, [{ name: 'x', from: '2027-01-01', to: '2027-01-02' }], [])).toThrow(CalendarInputError);
    expect(() => buildYearDays(2026, [{ name: 'x', from: '2026-05-03', to: '2026-05-01' }], [])).toThrow(CalendarInputError);
    expect(() => buildYearDays(2026, [], ['2026-11-23'])).toThrow(/weekday/); // a Monday cannot be 调休上班
    expect(() => buildYearDays(2026, [{ name: 'x', from: '2026-01-03', to: '2026-01-04' }], ['2026-01-04'])).toThrow(/both/);
  });
});

describe('WorkingCalendar', () => {
  it('adds working days without counting the first day', () => {
    expect(calendar.addWorkingDays('2026-11-20', 1)).toBe('2026-11-23'); // Friday → Monday
    expect(calendar.addWorkingDays('2026-11-23', 1)).toBe('2026-11-24');
    expect(calendar.addWorkingDays('2026-11-23', 5)).toBe('2026-11-30');
    expect(calendar.addWorkingDays('2026-11-23', 0)).toBe('2026-11-23');
  });

  it('skips holidays and counts adjusted working days', () => {
    expect(calendar.addWorkingDays('2026-09-30', 1)).toBe('2026-10-08'); // 国庆 1–7 Oct
    expect(calendar.addWorkingDays('2026-10-08', 1)).toBe('2026-10-09');
    expect(calendar.addWorkingDays('2026-10-09', 1)).toBe('2026-10-10'); // Saturday 调休上班
    expect(calendar.addWorkingDays('2026-02-13', 1)).toBe('2026-02-14'); // Saturday 调休上班 before 春节
    expect(calendar.addWorkingDays('2026-02-14', 1)).toBe('2026-02-24'); // 春节 15–23 Feb
    expect(calendar.addWorkingDays('2025-12-31', 1)).toBe('2026-01-04'); // across the year, 元旦, Sunday 调休
  });

  it('starts counting from a holiday like from any other day', () => {
    expect(calendar.addWorkingDays('2026-10-01', 1)).toBe('2026-10-08');
    expect(calendar.addWorkingDays('2026-10-03', 7)).toBe('2026-10-15'); // 8, 9, 10 (Sat 调休), 12, 13, 14, 15
  });

  it('counts working days between two dates, first day excluded', () => {
    expect(calendar.workingDaysBetween('2026-11-20', '2026-11-23')).toBe(1);
    expect(calendar.workingDaysBetween('2026-09-30', '2026-10-08')).toBe(1);
    expect(calendar.workingDaysBetween('2026-11-23', '2026-11-23')).toBe(0);
    expect(calendar.workingDaysBetween('2026-11-30', '2026-11-23')).toBe(-5);
    expect(calendar.workingDaysBetween('2024-12-31', '2025-12-31')).toBe(248);
  });

  it('rolls a calendar-day deadline that ends on a holiday to the next working day', () => {
    expect(calendar.calendarDeadline('2026-09-24', 7)).toBe('2026-10-08'); // ends 1 Oct (国庆)
    expect(calendar.calendarDeadline('2026-11-16', 7)).toBe('2026-11-23'); // ends on a Monday
    expect(calendar.calendarDeadline('2026-11-14', 7)).toBe('2026-11-23'); // ends Saturday 21st
    expect(calendar.calendarDeadline('2026-01-27', 19)).toBe('2026-02-24'); // ends 15 Feb (春节)
  });

  it('counts a year without a notice provisionally: weekends and the fixed-date holidays', () => {
    expect(calendar.isProvisional('2026-12-31')).toBe(false);
    expect(calendar.isProvisional('2027-01-04')).toBe(true);
    expect(calendar.isWorkingDay('2027-01-01')).toBe(false); // 元旦, a Friday
    expect(calendar.holidayName('2027-05-02')).toBe('劳动节');
    expect(calendar.isWorkingDay('2027-10-01')).toBe(false);
    expect(calendar.isWorkingDay('2027-10-04')).toBe(true); // a Monday: only 1–3 October are fixed
    expect(calendar.addWorkingDays('2026-12-30', 5)).toBe('2027-01-07');
    expect(calendar.workingDaysBetween('2026-12-01', '2027-01-05')).toBe(24); // 22 in December, 2 in January
    expect(calendar.calendarDeadline('2026-12-22', 10)).toBe('2027-01-04'); // ends on 元旦, then a weekend
    expect(calendar.addWorkingDays('2023-12-29', 1)).toBe('2024-01-02'); // 2023 provisional, 2024 official
    expect(calendar.provisionalYearIn('2026-12-01', '2026-12-31')).toBeNull();
    expect(calendar.provisionalYearIn('2027-01-05', '2026-12-01')).toBe(2027);
    expect(calendar.provisionalYearIn('2023-06-01', '2028-01-01')).toBe(2023);
  });

  it('makes a loaded notice win over the provisional rule', () => {
    const with2027 = new WorkingCalendar([...buildYearDays(2026, [], []), ...buildYearDays(2027, [{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }], ['2027-01-09'])]);
    expect(with2027.isProvisional('2027-06-01')).toBe(false);
    expect(with2027.isWorkingDay('2027-01-09')).toBe(true); // adjusted working Saturday
    expect(with2027.isWorkingDay('2027-05-01')).toBe(false); // a Saturday
    expect(with2027.isWorkingDay('2027-10-01')).toBe(true); // this notice lists no 国庆节: the notice rules
  });

  it('counts a gap year between loaded ones provisionally', () => {
    const gappy = new WorkingCalendar([...buildYearDays(2024, [], []), ...buildYearDays(2026, [], [])]);
    expect(gappy.addWorkingDays('2024-12-20', 3)).toBe('2024-12-25');
    expect(gappy.addWorkingDays('2024-12-30', 3)).toBe('2025-01-03'); // 2025-01-01 元旦
    expect(gappy.isProvisional('2025-06-02')).toBe(true);
    expect(gappy.provisionalYearIn('2024-12-02', '2026-01-05')).toBe(2025);
  });

  it('refuses dates outside the span it counts at all', () => {
    expect(calendar.covers('2100-12-31')).toBe(true);
    expect(calendar.covers('2101-01-01')).toBe(false);
    expect(() => calendar.addWorkingDays('1989-12-29', 1)).toThrow(CalendarRangeError);
    expect(() => calendar.addWorkingDays('2100-12-30', 5)).toThrow(CalendarRangeError);
    try {
      calendar.addWorkingDays('2101-01-03', 1);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(CalendarRangeError);
      expect((err as CalendarRangeError).loadedYears).toEqual([2024, 2025, 2026]);
    }
  });

  it('agrees with a naive day-by-day count (property)', () => {
    const naiveAdd = (from: string, n: number) => {
      let d = from;
      let left = n;
      while (left > 0) {
        d = addCalendarDays(d, 1);
        if (calendar.isWorkingDay(d)) left--;
      }
      return d;
    };
    const start = toDayNumber('2024-01-01');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 900 }), fc.integer({ min: 0, max: 60 }), (offset, n) => {
        const from = fromDayNumber(start + offset);
        const expected = naiveAdd(from, n);
        expect(calendar.addWorkingDays(from, n)).toBe(expected);
        expect(calendar.workingDaysBetween(from, expected)).toBe(n === 0 ? 0 : n);
      }),
      { numRuns: 500 },
    );
  });

  it('rejects negative or fractional counts', () => {
    expect(() => calendar.addWorkingDays('2026-11-23', -1)).toThrow(CalendarInputError);
    expect(() => calendar.addWorkingDays('2026-11-23', 1.5)).toThrow(CalendarInputError);
  });
});

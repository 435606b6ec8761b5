/**
 * Working-day calendar arithmetic. Pure: no database, no clock.
 *
 * Counting rules (市场监督管理投诉举报处理办法 and the State Council holiday notices): the first day
 * is not counted; a day is a working day when it is Monday–Friday and not a public holiday, or when
 * the notice makes a weekend day an adjusted working day (调休上班). Dates are ISO `YYYY-MM-DD`
 * strings in China time.
 *
 * A year whose notice is not loaded (next year's, in December, before the State Council publishes
 * it; or a past year nobody loaded) is counted provisionally: Saturdays and Sundays are rest days and
 * so are the fixed-date statutory holidays. Every answer can say whether it rests on such a year
 * (`isProvisional`, `provisionalYearIn`), so the UI can mark the date as an estimate, and dates kept
 * in the database are recomputed by their owners once the notice is loaded.
 */
import type { DayKind } from '../../../../contracts/dicts.js';
import { msg } from '../../../../contracts/i18n.js';

export interface CalendarDayInput {
  date: string;
  kind: DayKind;
  name?: string | null;
}

export interface HolidayRangeInput {
  name: string;
  from: string;
  to: string;
}

/** A date outside the span the calendar counts at all (see SPAN_FIRST_YEAR): callers answer HTTP 400. */
export class CalendarRangeError extends Error {
  constructor(
    readonly date: string,
    readonly loadedYears: readonly number[],
  ) {
    super(`date ${date} is outside the loaded calendar (${loadedYears.join(', ') || 'none'})`);
    this.name = 'CalendarRangeError';
  }
}

/** A malformed or impossible calendar input (bad date text, holiday outside its year …); the message is bilingual (`msg`). */
export class CalendarInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CalendarInputError';
  }
}

export function isWorkingKind(kind: DayKind): boolean {
  return kind === 'workday' || kind === 'adjusted_workday';
}

// ── Date ↔ day number, by arithmetic (no Date objects on the hot path) ──────────

/** Days since 1970-01-01 for a civil date (Howard Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

const ZERO = 48;
function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - ZERO;
  if (c < 0 || c > 9) return -1;
  return c;
}

/** Parse `YYYY-MM-DD` to a day number; throws CalendarInputError on anything else. */
export function toDayNumber(date: string): number {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) {
    throw new CalendarInputError(msg(`不是 YYYY-MM-DD 格式的日期：${JSON.stringify(date)}`, `not a YYYY-MM-DD date: ${JSON.stringify(date)}`));
  }
  const y1 = digit(date, 0), y2 = digit(date, 1), y3 = digit(date, 2), y4 = digit(date, 3);
  const m1 = digit(date, 5), m2 = digit(date, 6), d1 = digit(date, 8), d2 = digit(date, 9);
  if ((y1 | y2 | y3 | y4 | m1 | m2 | d1 | d2) < 0) {
    throw new CalendarInputError(msg(`不是 YYYY-MM-DD 格式的日期：${JSON.stringify(date)}`, `not a YYYY-MM-DD date: ${JSON.stringify(date)}`));
  }
  const y = y1 * 1000 + y2 * 100 + y3 * 10 + y4;
  const m = m1 * 10 + m2;
  const d = d1 * 10 + d2;
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) throw new CalendarInputError(msg(`不存在的日期：${date}`, `no such date: ${date}`));
  return daysFromCivil(y, m, d);
}

/** Day number back to `YYYY-MM-DD`. */
export function fromDayNumber(n: number): string {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

export function addCalendarDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days);
}

// ── Building a year from a State Council notice ─────────────────────────────────

/**
 * All days of `year`, as the State Council notice defines them: listed holiday blocks are holidays
 * (weekend days inside a block too), listed adjusted working days (调休上班) are working days, and
 * every other day follows the week (Mon–Fri working, Sat–Sun rest).
 */
export function buildYearDays(year: number, holidays: readonly HolidayRangeInput[], workdays: readonly string[]): CalendarDayInput[] {
  const first = daysFromCivil(year, 1, 1);
  const last = daysFromCivil(year, 12, 31);
  const kinds = new Map<number, CalendarDayInput>();
  for (let n = first; n <= last; n++) {
    const wd = weekday(n);
    kinds.set(n, { date: fromDayNumber(n), kind: wd === 0 || wd === 6 ? 'restday' : 'workday', name: null });
  }
  const inYear = (n: number, zh: string, en: string) => {
    if (n < first || n > last) throw new CalendarInputError(msg(`${zh}的日期 ${fromDayNumber(n)} 不在 ${year} 年内`, `${en} ${fromDayNumber(n)} is not in ${year}`));
  };
  for (const h of holidays) {
    const from = toDayNumber(h.from);
    const to = toDayNumber(h.to);
    if (to < from) throw new CalendarInputError(msg(`节假日「${h.name}」的结束日期 ${h.to} 早于开始日期 ${h.from}`, `holiday ${h.name}: ${h.to} is before ${h.from}`));
    inYear(from, `节假日「${h.name}」`, `holiday ${h.name}`);
    inYear(to, `节假日「${h.name}」`, `holiday ${h.name}`);
    for (let n = from; n <= to; n++) kinds.set(n, { date: fromDayNumber(n), kind: 'holiday', name: h.name });
  }
  for (const w of workdays) {
    const n = toDayNumber(w);
    inYear(n, '调休上班日', 'adjusted working day');
    const existing = kinds.get(n)!;
    if (existing.kind === 'holiday') throw new CalendarInputError(msg(`${w} 不能既是节假日又是调休上班日`, `${w} is both a holiday and an adjusted working day`));
    const wd = weekday(n);
    if (wd !== 0 && wd !== 6) throw new CalendarInputError(msg(`${w} 是工作日，只有周末才能设为调休上班`, `${w} is a weekday; only weekend days can be adjusted working days`));
    kinds.set(n, { date: w, kind: 'adjusted_workday', name: '调休上班' });
  }
  return [...kinds.values()];
}

// ── Years without a notice ──────────────────────────────────────────────────────

/**
 * The holidays 《全国年节及纪念日放假办法》 (2024 revision, in force 2025-01-01, Art. 2) fixes to
 * Gregorian dates: 元旦 1 January, 劳动节 1–2 May, 国庆节 1–3 October. The lunar holidays (春节,
 * 清明, 端午, 中秋) and the adjusted working days exist only in each year's notice, so a provisional
 * year leaves them out: its deadlines come out no later than the official ones in almost every case.
 * (Applied to any year without a notice; before 2025 劳动节 was one day, which matters only for
 * decisions older than the loaded calendar.)
 */
const FIXED_DATE_HOLIDAYS: readonly { month: number; day: number; name: string }[] = [
  { month: 1, day: 1, name: '元旦' },
  { month: 5, day: 1, name: '劳动节' },
  { month: 5, day: 2, name: '劳动节' },
  { month: 10, day: 1, name: '国庆节' },
  { month: 10, day: 2, name: '国庆节' },
  { month: 10, day: 3, name: '国庆节' },
];

/**
 * The span the calendar counts at all. Listing periods reach a decade or two ahead (restriction
 * periods, three-year publications), archive records go back to the registry's oldest decisions.
 */
export const SPAN_FIRST_YEAR = 1990;
export const SPAN_LAST_YEAR = 2100;

// ── The in-memory calendar ──────────────────────────────────────────────────────

const WORKING = 1;
const OFF = 2;

/**
 * A loaded calendar answering deadline questions in O(1): prefix counts of working days over the
 * whole span plus the list of working days. Years with a loaded notice follow it; every other year
 * of the span is provisional: the week plus FIXED_DATE_HOLIDAYS.
 */
export class WorkingCalendar {
  /** Years with a loaded State Council notice. */
  readonly years: readonly number[];
  private readonly loaded: ReadonlySet<number>;
  private readonly start: number;
  private readonly end: number;
  private readonly state: Uint8Array;
  /** cum[i] = number of working days in [start, start + i]. */
  private readonly cum: Int32Array;
  /** Day numbers of working days in order. */
  private readonly working: Int32Array;
  private readonly names: Map<number, string>;
  /** Changes whenever any day's kind does (FNV-1a over the span): jobs that derive dates re-run on a new one. */
  readonly fingerprint: string;

  constructor(days: readonly CalendarDayInput[]) {
    const years = new Set<number>();
    for (const d of days) years.add(Number(d.date.slice(0, 4)));
    this.years = [...years].sort((a, b) => a - b);
    this.loaded = years;
    const firstYear = Math.min(SPAN_FIRST_YEAR, ...this.years);
    const lastYear = Math.max(SPAN_LAST_YEAR, ...this.years);
    this.start = daysFromCivil(firstYear, 1, 1);
    this.end = daysFromCivil(lastYear, 12, 31);
    const span = this.end - this.start + 1;
    this.state = new Uint8Array(span);
    this.names = new Map();
    // The week first, then the fixed-date holidays of provisional years, then the loaded notices.
    for (let i = 0; i < span; i++) {
      const wd = weekday(this.start + i);
      this.state[i] = wd === 0 || wd === 6 ? OFF : WORKING;
    }
    for (let y = firstYear; y <= lastYear; y++) {
      if (years.has(y)) continue;
      for (const h of FIXED_DATE_HOLIDAYS) {
        const n = daysFromCivil(y, h.month, h.day);
        this.state[n - this.start] = OFF;
        this.names.set(n, h.name);
      }
    }
    for (const d of days) {
      const n = toDayNumber(d.date);
      this.state[n - this.start] = isWorkingKind(d.kind) ? WORKING : OFF;
      if (d.name) this.names.set(n, d.name);
    }
    this.cum = new Int32Array(span);
    const working: number[] = [];
    let w = 0;
    let hash = 0x811c9dc5;
    for (let i = 0; i < span; i++) {
      hash = Math.imul(hash ^ this.state[i]!, 0x01000193);
      if (this.state[i] === WORKING) {
        w++;
        working.push(this.start + i);
      }
      this.cum[i] = w;
    }
    this.working = Int32Array.from(working);
    this.fingerprint = `${this.years.join(',')}:${(hash >>> 0).toString(16)}`;
  }

  /** Day index of `date`, or a CalendarRangeError when it lies outside the span. */
  private index(date: string): number {
    const i = toDayNumber(date) - this.start;
    if (i < 0 || i >= this.state.length) throw new CalendarRangeError(date, this.years);
    return i;
  }

  /** Whether the calendar counts `date` at all (official or provisional). */
  covers(date: string): boolean {
    const i = toDayNumber(date) - this.start;
    return i >= 0 && i < this.state.length;
  }

  /** Whether `date` falls in a year without a loaded notice, so that counting through it is an estimate. */
  isProvisional(date: string): boolean {
    return !this.loaded.has(Number(date.slice(0, 4)));
  }

  /** The first year from `a` to `b` (either order) without a loaded notice, or null: counting across it is an estimate. */
  provisionalYearIn(a: string, b: string): number | null {
    const [from, to] = a <= b ? [a, b] : [b, a];
    for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) if (!this.loaded.has(y)) return y;
    return null;
  }

  /**
   * Working days from `today` to `due` (negative when past), and whether the count runs through a
   * provisional year; no count when either date is outside the span. What every countdown shows.
   */
  countdown(today: string, due: string): { workingDaysLeft: number | null; provisional: boolean } {
    if (!this.covers(today) || !this.covers(due)) return { workingDaysLeft: null, provisional: false };
    return { workingDaysLeft: this.workingDaysBetween(today, due), provisional: this.provisionalYearIn(today, due) !== null };
  }

  isWorkingDay(date: string): boolean {
    return this.state[this.index(date)] === WORKING;
  }

  holidayName(date: string): string | null {
    return this.names.get(toDayNumber(date)) ?? null;
  }

  /**
   * The date `n` working days after `date`; the first day is not counted, so from a Friday one
   * working day is the next Monday. `n = 0` returns `date` itself.
   */
  addWorkingDays(date: string, n: number): string {
    if (!Number.isInteger(n) || n < 0) throw new CalendarInputError(msg(`工作日数应为非负整数：${n}`, `working days must be a non-negative integer, got ${n}`));
    const i = this.index(date);
    if (n === 0) return date;
    const pos = this.cum[i]! + n - 1; // index into `working` of the n-th working day after i
    if (pos >= this.working.length) throw new CalendarRangeError(fromDayNumber(this.end + 1), this.years);
    return fromDayNumber(this.working[pos]!);
  }

  /** Working days in (a, b]: the first day is not counted. Negative when b is before a. */
  workingDaysBetween(a: string, b: string): number {
    const i = this.index(a);
    const j = this.index(b);
    return this.cum[j]! - this.cum[i]!;
  }

  /** The first working day on or after `date`. */
  nextWorkingDayOnOrAfter(date: string): string {
    const i = this.index(date);
    if (this.state[i] === WORKING) return date;
    const pos = this.cum[i]!; // working days up to i; the next one is working[pos]
    if (pos >= this.working.length) throw new CalendarRangeError(fromDayNumber(this.end + 1), this.years);
    return fromDayNumber(this.working[pos]!);
  }

  /**
   * A deadline of `n` calendar days (日) after `date`, the first day not counted; when the last day
   * is not a working day the deadline moves to the next working day (e.g. 投诉举报处理办法 Art. 45).
   */
  calendarDeadline(date: string, n: number): string {
    if (!Number.isInteger(n) || n < 0) throw new CalendarInputError(msg(`天数应为非负整数：${n}`, `days must be a non-negative integer, got ${n}`));
    this.index(date);
    return this.nextWorkingDayOnOrAfter(addCalendarDays(date, n));
  }
}

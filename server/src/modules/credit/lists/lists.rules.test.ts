import { describe, expect, it } from 'vitest';
import { CN_HOLIDAY_NOTICES } from '../../../platform/calendar/cn-holidays.data.js';
import { buildYearDays, CalendarRangeError, WorkingCalendar } from '../../../platform/calendar/calendar.rules.js';
import {
  abnormalListingClocks,
  abnormalRemoveBy,
  addMonths,
  addYears,
  checkEarlyRemoval,
  DEFAULT_LOW_FINE_THRESHOLD_YUAN,
  isLowerTierPenalty,
  isWarningOnly,
  nextStepOf,
  changedDates,
  statutoryDeadlines,
  overdueFlag,
  penaltyPublicationPlan,
  honourGrounds,
  qualifiesForHonour,
  DEFAULT_BLACK_CRITERIA,
  DEFAULT_RED_CRITERIA,
  seriousViolationClocks,
  stopPublicationBy,
  withFlag,
} from './lists.rules.js';

const cal = new WorkingCalendar(CN_HOLIDAY_NOTICES.flatMap((n) => buildYearDays(n.year, n.holidays, n.workdays)));
const T = DEFAULT_LOW_FINE_THRESHOLD_YUAN;
const penalty = (over: Partial<{ penaltyTypes: string[]; amount: number | null; domain: string; restrictionYears: number | null }> = {}) =>
  ({ penaltyTypes: ['fine'], amount: 200_000, domain: 'product', restrictionYears: null, ...over }) as Parameters<typeof penaltyPublicationPlan>[2];

describe('calendar months and years', () => {
  it('ends a period on the corresponding day, or the last day of a shorter month', () => {
    expect(addYears('2025-09-19', 3)).toBe('2028-09-19');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 3)).toBe('2027-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addMonths('2024-08-31', 6)).toBe('2025-02-28');
    expect(addMonths('2023-08-31', 6)).toBe('2024-02-29');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonths('2025-12-15', 1)).toBe('2026-01-15');
    expect(addYears('2026-03-01', -3)).toBe('2023-03-01');
  });
});

describe('serious-violation list (Order 44)', () => {
  it('publishes within 20 working days across National Day 2025 and its adjusted Saturdays', () => {
    // 2025-09-19 (Fri): Sep 22–26 (5), Sun Sep 28 adjusted (6), Sep 29–30 (8), Oct 1–8 off,
    // Oct 9–10 (10), Sat Oct 11 adjusted (11), Oct 13–17 (16), Oct 20–23 (20).
    const c = seriousViolationClocks(cal, '2025-09-19');
    expect(c).toEqual({ publishBy: '2025-10-23', earlyRemovalFrom: '2026-09-19', autoRemoveOn: '2028-09-19', restrictionUntil: null });
  });

  it('keeps the 1-year and 3-year anniversaries of 29 February on 28 February', () => {
    const c = seriousViolationClocks(cal, '2024-02-29');
    expect(c.earlyRemovalFrom).toBe('2025-02-28');
    expect(c.autoRemoveOn).toBe('2027-02-28');
    expect(c.publishBy).toBe(cal.addWorkingDays('2024-02-29', 20));
  });

  it('follows a restriction period longer than three years, and blocks early removal while it runs', () => {
    const five = seriousViolationClocks(cal, '2025-03-10', 5);
    expect(five.restrictionUntil).toBe('2030-03-10');
    expect(five.autoRemoveOn).toBe('2030-03-10');
    expect(five.earlyRemovalFrom).toBe('2030-03-10');
    const two = seriousViolationClocks(cal, '2025-03-10', 2);
    expect(two.autoRemoveOn).toBe('2028-03-10');
    expect(two.earlyRemovalFrom).toBe('2027-03-10');
  });

  it('refuses early removal before the year is up and says from when', () => {
    expect(checkEarlyRemoval({ earlyRemovalFrom: '2026-09-19' }, '2026-09-18')).toEqual({ ok: false, reason: 'too_early', possibleFrom: '2026-09-19' });
    expect(checkEarlyRemoval({ earlyRemovalFrom: '2026-09-19' }, '2026-09-19')).toEqual({ ok: true });
    expect(checkEarlyRemoval({ earlyRemovalFrom: null }, '2030-01-01')).toEqual({ ok: false, reason: 'never', possibleFrom: null });
  });

  it('stops publication within 3 working days, counting the adjusted Saturday', () => {
    expect(stopPublicationBy(cal, '2025-09-30')).toBe('2025-10-11');
    expect(stopPublicationBy(cal, '2025-11-21')).toBe('2025-11-26');
  });

  it('counts a deadline into a year without a notice provisionally (元旦 off) and refuses dates beyond the span', () => {
    // Sunday 2026-12-20: 9 working days in December, 1 January off, then 11 more to Monday 18 January.
    expect(seriousViolationClocks(cal, '2026-12-20').publishBy).toBe('2027-01-18');
    expect(() => seriousViolationClocks(cal, '2100-12-20')).toThrow(CalendarRangeError);
  });
});

describe('abnormal operations list (Order 101 of 2025)', () => {
  it('lists within 10 working days across the 2025 Spring Festival and flags a late listing', () => {
    // 2025-01-24 (Fri): Sun Jan 26 adjusted (1), Jan 27 (2), Jan 28–Feb 4 off, Feb 5–7 (5), Sat Feb 8 adjusted (6), Feb 10–13 (10).
    expect(abnormalListingClocks(cal, '2025-01-24', '2025-02-13')).toEqual({ publishBy: '2025-02-13', late: false });
    expect(abnormalListingClocks(cal, '2025-01-24', '2025-02-14')).toEqual({ publishBy: '2025-02-13', late: true });
    // The annual-report window closes on 30 June: listing is due 10 working days later.
    expect(abnormalListingClocks(cal, '2025-06-30', '2025-07-01').publishBy).toBe('2025-07-14');
  });

  it('removes within 5 working days of the cure across the 2026 Spring Festival', () => {
    // 2026-02-13 (Fri): Sat Feb 14 adjusted (1), Feb 15–23 off, Feb 24–27 (5).
    expect(abnormalRemoveBy(cal, '2026-02-13')).toBe('2026-02-27');
  });
});

describe('penalty publication (Order 45)', () => {
  it('does not publish warnings only (Art. 2)', () => {
    expect(isWarningOnly({ penaltyTypes: ['warning'] })).toBe(true);
    expect(penaltyPublicationPlan(cal, '2025-09-19', penalty({ penaltyTypes: ['warning'] }), T)).toBeNull();
    expect(penaltyPublicationPlan(cal, '2025-09-19', penalty({ penaltyTypes: ['warning', 'fine'], amount: 5000 }), T)).not.toBeNull();
  });

  it('publishes a lower-amount fine for 3 months, with the threshold boundary exclusive', () => {
    expect(isLowerTierPenalty({ penaltyTypes: ['fine'], amount: 99_999.99 }, T)).toBe(true);
    expect(isLowerTierPenalty({ penaltyTypes: ['fine'], amount: 100_000 }, T)).toBe(false);
    expect(isLowerTierPenalty({ penaltyTypes: ['fine'], amount: null }, T)).toBe(false);
    expect(isLowerTierPenalty({ penaltyTypes: ['criticism'], amount: null }, T)).toBe(true);
    expect(isLowerTierPenalty({ penaltyTypes: ['fine', 'confiscation'], amount: 1000 }, T)).toBe(false);
    expect(isLowerTierPenalty({ penaltyTypes: ['fine'], amount: 150_000 }, 200_000)).toBe(true);
    const low = penaltyPublicationPlan(cal, '2025-09-19', penalty({ amount: 99_999 }), T)!;
    expect(low).toMatchObject({ period: '3_months', publishBy: '2025-10-23', autoRemoveOn: '2025-12-19', earlyRemovalFrom: null, noEarlyStop: 'short_period', grounds: 'fine' });
    const high = penaltyPublicationPlan(cal, '2025-09-19', penalty({ amount: 100_000 }), T)!;
    expect(high).toMatchObject({ period: '3_years', autoRemoveOn: '2028-09-19', earlyRemovalFrom: '2026-03-19', noEarlyStop: null });
  });

  it('waits a year before early stop for food, drugs and special equipment, six months otherwise', () => {
    expect(penaltyPublicationPlan(cal, '2025-09-19', penalty({ domain: 'food' }), T)!.earlyRemovalFrom).toBe('2026-09-19');
    expect(penaltyPublicationPlan(cal, '2025-09-19', penalty({ domain: 'special_equipment' }), T)!.earlyRemovalFrom).toBe('2026-09-19');
    expect(penaltyPublicationPlan(cal, '2024-08-31', penalty({ domain: 'product' }), T)!.earlyRemovalFrom).toBe('2025-02-28');
  });

  it('never stops the heaviest penalties early (Art. 14 para. 3)', () => {
    for (const t of ['suspended', 'closed', 'business_limited', 'employment_ban', 'qualification_lowered', 'licence_revoked']) {
      const p = penaltyPublicationPlan(cal, '2025-09-19', penalty({ penaltyTypes: ['fine', t] }), T)!;
      expect(p.earlyRemovalFrom).toBeNull();
      expect(p.noEarlyStop).toBe('heaviest_penalty');
    }
  });

  it('follows a restriction period longer than three years', () => {
    const p = penaltyPublicationPlan(cal, '2025-09-19', penalty({ penaltyTypes: ['employment_ban'], restrictionYears: 5 }), T)!;
    expect(p).toMatchObject({ period: 'restriction', autoRemoveOn: '2030-09-19', restrictionUntil: '2030-09-19' });
  });

  it('counts the publish deadline into a year without a notice provisionally', () => {
    const p = penaltyPublicationPlan(cal, '2026-12-20', penalty(), T)!;
    expect(p.publishBy).toBe('2027-01-18');
    expect(p.autoRemoveOn).toBe('2029-12-20');
  });
});

describe('countdown', () => {
  const entry = { list: 'serious-violation', status: 'listed', publishBy: '2025-10-23', autoRemoveOn: '2028-09-19', removeBy: null, curedOn: null };
  it('counts working days to the next step and marks it overdue after the day', () => {
    expect(nextStepOf(cal, entry, '2025-09-30')).toEqual({ step: 'publish', dueOn: '2025-10-23', workingDaysLeft: 12, overdue: false, provisional: false });
    expect(nextStepOf(cal, entry, '2025-10-23')).toMatchObject({ workingDaysLeft: 0, overdue: false });
    expect(nextStepOf(cal, entry, '2025-10-24')).toMatchObject({ workingDaysLeft: -1, overdue: true });
    expect(overdueFlag(entry, '2025-10-24')).toBe('publish_overdue');
    expect(overdueFlag(entry, '2025-10-23')).toBeNull();
  });

  it('moves to automatic removal once published, with no working-day count beyond the loaded years', () => {
    expect(nextStepOf(cal, { ...entry, status: 'published' }, '2025-11-01')).toEqual({ step: 'auto_remove', dueOn: '2028-09-19', workingDaysLeft: null, overdue: false, provisional: false });
    expect(nextStepOf(cal, { ...entry, status: 'published', autoRemoveOn: '2026-09-30' }, '2026-09-28')).toMatchObject({ workingDaysLeft: 2, provisional: false });
    // A working-day deadline into a year without a notice is counted, and marked an estimate.
    expect(nextStepOf(cal, { ...entry, publishBy: '2027-01-18' }, '2026-12-21')).toMatchObject({ step: 'publish', workingDaysLeft: 19, provisional: true });
    expect(nextStepOf(cal, { ...entry, status: 'removed' }, '2025-11-01')).toBeNull();
  });

  it('counts the removal after a cure on the abnormal list', () => {
    const ab = { list: 'abnormal', status: 'published', publishBy: '2026-01-10', autoRemoveOn: null, curedOn: '2026-02-13', removeBy: '2026-02-27' };
    expect(nextStepOf(cal, ab, '2026-02-13')).toEqual({ step: 'remove', dueOn: '2026-02-27', workingDaysLeft: 5, overdue: false, provisional: false });
    expect(overdueFlag(ab, '2026-03-02')).toBe('removal_overdue');
    expect(nextStepOf(cal, { ...ab, curedOn: null, removeBy: null }, '2026-02-13')).toBeNull();
  });

  it('re-derives the working-day deadlines of open entries from their dates', () => {
    const base = { status: 'listed', triggerDate: null, curedOn: null };
    expect(statutoryDeadlines(cal, { ...base, list: 'serious-violation', decisionDate: '2025-09-30' })).toEqual({ publishBy: '2025-11-04' });
    expect(statutoryDeadlines(cal, { ...base, list: 'penalty-publication', decisionDate: '2026-12-20' })).toEqual({ publishBy: '2027-01-18' });
    expect(statutoryDeadlines(cal, { ...base, list: 'abnormal', decisionDate: '2025-02-13', triggerDate: '2025-01-24', curedOn: '2026-02-13' })).toEqual({ publishBy: '2025-02-13', removeBy: '2026-02-27' });
    expect(statutoryDeadlines(cal, { ...base, list: 'abnormal', decisionDate: '2025-02-13', triggerDate: '2025-01-24' })).toEqual({ publishBy: '2025-02-13', removeBy: null });
    expect(statutoryDeadlines(cal, { ...base, list: 'red', decisionDate: '2025-02-13' })).toEqual({});
  });

  it('keeps the publish deadline of a published entry and names only the dates that moved', () => {
    const published = { list: 'abnormal', status: 'published', decisionDate: '2025-02-13', triggerDate: '2025-01-24', curedOn: '2026-02-13' };
    expect(statutoryDeadlines(cal, published)).toEqual({ removeBy: '2026-02-27' });
    expect(changedDates({ publishBy: '2025-02-13', removeBy: '2026-02-26' }, { publishBy: '2025-02-13', removeBy: '2026-02-27' })).toEqual({ removeBy: '2026-02-27' });
    expect(changedDates({ publishBy: null, removeBy: null }, { publishBy: null })).toEqual({});
  });

  it('adds and drops flags without duplicates', () => {
    expect(withFlag(['a'], 'a', true)).toEqual(['a']);
    expect(withFlag(['a'], 'b', true)).toEqual(['a', 'b']);
    expect(withFlag(['a', 'b'], 'a', false)).toEqual(['b']);
  });
});

describe('red and black lists', () => {
  const base = { entityId: 1, grade: 'AAA', lastPenaltyOn: null, activeLists: [] as string[] };
  it('puts AAA/AA entities without penalties in 3 years and not on any list on the red list', () => {
    expect(qualifiesForHonour('red', DEFAULT_RED_CRITERIA, base, '2026-11-23')).toBe(true);
    expect(qualifiesForHonour('red', DEFAULT_RED_CRITERIA, { ...base, grade: 'A' }, '2026-11-23')).toBe(false);
    expect(qualifiesForHonour('red', DEFAULT_RED_CRITERIA, { ...base, lastPenaltyOn: '2023-11-24' }, '2026-11-23')).toBe(false);
    expect(qualifiesForHonour('red', DEFAULT_RED_CRITERIA, { ...base, lastPenaltyOn: '2023-11-23' }, '2026-11-23')).toBe(true);
    expect(qualifiesForHonour('red', DEFAULT_RED_CRITERIA, { ...base, activeLists: ['abnormal'] }, '2026-11-23')).toBe(false);
  });
  it('puts grade D or serious-violation entities on the black list', () => {
    expect(qualifiesForHonour('black', DEFAULT_BLACK_CRITERIA, { ...base, grade: 'D' }, '2026-11-23')).toBe(true);
    expect(qualifiesForHonour('black', DEFAULT_BLACK_CRITERIA, { ...base, grade: 'B', activeLists: ['serious-violation'] }, '2026-11-23')).toBe(true);
    expect(qualifiesForHonour('black', DEFAULT_BLACK_CRITERIA, { ...base, grade: null }, '2026-11-23')).toBe(false);
  });
  it('says in words which criteria put an entity on a round', () => {
    expect(honourGrounds('red', DEFAULT_RED_CRITERIA, { ...base, grade: 'AA' })).toEqual({
      grounds: 'grade:AA',
      groundsText: '质量信用等级 AA，近 3 年无行政处罚，未列入严重违法失信名单、经营异常名录或行政处罚信息公示',
    });
    expect(honourGrounds('red', { grades: ['AAA'] }, base).groundsText).toBe('质量信用等级 AAA');
    expect(honourGrounds('black', DEFAULT_BLACK_CRITERIA, { ...base, grade: 'D' })).toEqual({ grounds: 'grade:D', groundsText: '质量信用等级 D' });
    expect(honourGrounds('black', DEFAULT_BLACK_CRITERIA, { ...base, grade: 'B', activeLists: ['serious-violation'] })).toEqual({ grounds: 'list:serious-violation', groundsText: '列入严重违法失信名单' });
  });
});

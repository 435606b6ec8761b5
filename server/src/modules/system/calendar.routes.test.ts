import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarDay, CalendarYear } from '../../../../contracts/calendar.js';
import { auditHeadRow, auditRowsAfter } from '../../platform/audit/audit.repository.js';
import { XLSX_MIME } from '../../platform/excel/excel.js';
import { readExport, expectPrintable } from '../../test/xlsx.js';
import { openAdminApp, errorCode, json, type Agent, type TestApp } from '../../test/test-app.js';
import { daysOfYear, findCalendarDay, findCalendarYear } from './calendar.repository.js';
import { CN_HOLIDAY_NOTICES } from '../../platform/calendar/cn-holidays.data.js';

let t: TestApp;
let admin: Agent;

beforeAll(async () => ({ t, admin } = await openAdminApp()));
afterAll(() => t.close());

const headSeq = async () => (await auditHeadRow(t.db))?.seq ?? 0;
const auditSince = (seq: number) => auditRowsAfter(t.db, seq, 1000);

/** Dates of a year, by Date arithmetic (independent of the calendar code). */
function datesOf(year: number): { date: string; weekend: boolean }[] {
  const out = [];
  for (let d = new Date(Date.UTC(year, 0, 1)); d.getUTCFullYear() === year; d = new Date(d.getTime() + 86_400_000)) {
    out.push({ date: d.toISOString().slice(0, 10), weekend: d.getUTCDay() === 0 || d.getUTCDay() === 6 });
  }
  return out;
}

/** Year statistics a notice implies: working days, holiday days, adjusted working days. */
function expectedStats(year: number, holidays: { from: string; to: string }[], workdays: string[]) {
  const isHoliday = (date: string) => holidays.some((h) => h.from <= date && date <= h.to);
  const days = datesOf(year);
  const holidayCount = days.filter((d) => isHoliday(d.date)).length;
  const working = days.filter((d) => (!d.weekend && !isHoliday(d.date)) || workdays.includes(d.date)).length;
  return { workingDays: working, holidays: holidayCount, adjustedWorkdays: workdays.length };
}

const get = async (agent: Agent, url: string) => {
  const res = await agent.get(url);
  return { status: res.statusCode, body: json<Record<string, unknown>>(res) };
};

describe('GET /api/system/calendar/years', () => {
  it('lists the loaded years with figures matching the State Council notices', async () => {
    const lab = await t.as('lab'); // calendar:list is all the lab has
    const res = await lab.get('/api/system/calendar/years');
    expect(res.statusCode).toBe(200);
    const items = json<{ items: CalendarYear[] }>(res).items;
    expect(items.map((y) => y.year)).toEqual([2024, 2025, 2026]);
    for (const n of CN_HOLIDAY_NOTICES) {
      expect(items.find((y) => y.year === n.year)).toEqual({ year: n.year, source: n.source, ...expectedStats(n.year, n.holidays, n.workdays), updatedAt: expect.any(String) });
    }
    expect(items.find((y) => y.year === 2025)).toMatchObject({ holidays: 28, adjustedWorkdays: 5 });
  });
});

describe('GET /api/system/calendar/years/:year', () => {
  it('lists every day of the year with its kind', async () => {
    const res = await admin.get('/api/system/calendar/years/2025');
    expect(res.statusCode).toBe(200);
    const { year, days } = json<{ year: CalendarYear; days: CalendarDay[] }>(res);
    expect(year.year).toBe(2025);
    expect(days.map((d) => d.date)).toEqual(datesOf(2025).map((d) => d.date));
    const day = (date: string) => days.find((d) => d.date === date);
    expect(day('2025-01-01')).toEqual({ date: '2025-01-01', kind: 'holiday', name: '元旦', working: false });
    expect(day('2025-09-28')).toEqual({ date: '2025-09-28', kind: 'adjusted_workday', name: '调休上班', working: true });
    expect(day('2025-10-08')).toEqual({ date: '2025-10-08', kind: 'holiday', name: '国庆节、中秋节', working: false });
    expect(day('2025-03-01')).toEqual({ date: '2025-03-01', kind: 'restday', name: null, working: false });
    expect(day('2025-03-03')).toEqual({ date: '2025-03-03', kind: 'workday', name: null, working: true });
    expect(json<{ days: CalendarDay[] }>(await admin.get('/api/system/calendar/years/2024')).days).toHaveLength(366);
  });

  it('answers 404 for a year not loaded and 400 for years out of bounds', async () => {
    const missing = await admin.get('/api/system/calendar/years/2030');
    expect(missing.statusCode).toBe(404);
    for (const y of ['1999', '2101', 'abcd', '2025.5']) expect({ y, status: (await admin.get(`/api/system/calendar/years/${y}`)).statusCode }).toEqual({ y, status: 400 });
  });
});

describe('GET /api/system/calendar/years/:year/export', () => {
  it('downloads the year as .xlsx with weekday names and labelled kinds', async () => {
    const qo = await t.as('quality-office');
    const res = await qo.get('/api/system/calendar/years/2025/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_MIME);
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(String(res.headers['content-disposition']))![1]!)).toMatch(/^2025年工作日历-\d{8}\.xlsx$/);
    const { title, subtitle, header, rows, sheet } = await readExport(res);
    expect(sheet.name).toBe('2025年工作日历');
    expect(title).toBe('2025年工作日历');
    expect(subtitle).toMatch(/^筛选条件：年度：2025年\u3000\u3000导出时间：/);
    expectPrintable(sheet);
    expect(header).toEqual(['日期', '星期', '类型', '是否工作日', '名称']);
    expect(rows).toHaveLength(365);
    // Dates are Excel dates (shown yyyy-mm-dd), not text.
    const day = (iso: string) => rows.find((r) => r[0] instanceof Date && r[0].toISOString().startsWith(iso));
    expect(rows[0]).toEqual([new Date('2025-01-01T00:00:00Z'), '星期三', '法定节假日', '否', '元旦']);
    expect(sheet.getRow(4).getCell(1).numFmt).toBe('yyyy-mm-dd');
    expect(day('2025-09-28')!.slice(1)).toEqual(['星期日', '调休上班', '是', '调休上班']);
    expect(day('2025-03-03')!.slice(1)).toEqual(['星期一', '工作日', '是', null]);
    expect((await qo.get('/api/system/calendar/years/2030/export')).statusCode).toBe(404);
  });
});

describe('deadline arithmetic (any signed-in user)', () => {
  it('adds working days, the first day not counted, across holidays and adjusted working days', async () => {
    const user = await t.as('enterprise');
    const add = async (from: string, days: number) => (await get(user, `/api/calendar/add-working-days?from=${from}&days=${days}`)).body;
    expect(await add('2025-09-30', 1)).toEqual({ date: '2025-10-09', provisional: false }); // 10-01 … 10-08 off
    expect(await add('2025-09-26', 1)).toEqual({ date: '2025-09-28', provisional: false }); // a Sunday worked (调休上班)
    expect(await add('2025-06-06', 1)).toEqual({ date: '2025-06-09', provisional: false }); // Friday → Monday
    expect(await add('2025-06-06', 0)).toEqual({ date: '2025-06-06', provisional: false });
    expect(await add('2025-12-31', 1)).toEqual({ date: '2026-01-04', provisional: false }); // across the year: 元旦 01-01 … 01-03, then a worked Sunday
    expect(await add('2025-12-31', 2)).toEqual({ date: '2026-01-05', provisional: false });
  });

  it('counts working days in (from, to], negative backwards', async () => {
    const user = await t.as('enterprise');
    const between = async (from: string, to: string) => (await get(user, `/api/calendar/working-days-between?from=${from}&to=${to}`)).body;
    expect(await between('2025-09-30', '2025-10-09')).toEqual({ days: 1, provisional: false });
    expect(await between('2025-10-09', '2025-09-30')).toEqual({ days: -1, provisional: false });
    expect(await between('2025-10-01', '2025-10-01')).toEqual({ days: 0, provisional: false });
    expect(await between('2025-09-26', '2025-10-12')).toEqual({ days: 6, provisional: false }); // 09-28 (Sunday worked), 09-29, 09-30, 10-09, 10-10, 10-11 (Saturday worked)
  });

  it('moves a calendar-day deadline that ends on a day off to the next working day', async () => {
    const user = await t.as('enterprise');
    const deadline = async (from: string, days: number) => (await get(user, `/api/calendar/deadline?from=${from}&days=${days}`)).body;
    expect(await deadline('2025-09-24', 7)).toEqual({ date: '2025-10-09', provisional: false }); // 10-01 is a holiday
    expect(await deadline('2025-09-22', 6)).toEqual({ date: '2025-09-28', provisional: false }); // an adjusted working Sunday stands
    expect(await deadline('2025-03-03', 3)).toEqual({ date: '2025-03-06', provisional: false });
  });

  it('counts through a year without a notice provisionally and says so', async () => {
    const user = await t.as('enterprise');
    const get2 = async (url: string) => (await get(user, url)).body;
    expect(await get2('/api/calendar/add-working-days?from=2026-12-30&days=10')).toEqual({ date: '2027-01-14', provisional: true }); // 元旦 off
    expect(await get2('/api/calendar/working-days-between?from=2026-12-01&to=2027-01-05')).toEqual({ days: 24, provisional: true });
    expect(await get2('/api/calendar/deadline?from=2026-12-20&days=30')).toEqual({ date: '2027-01-19', provisional: true });
    expect(await get2('/api/calendar/add-working-days?from=2023-12-29&days=1')).toEqual({ date: '2024-01-02', provisional: true });
    expect(await get2('/api/calendar/add-working-days?from=2026-12-01&days=5')).toEqual({ date: '2026-12-08', provisional: false });
  });

  it('refuses dates outside the span it counts (400 CALENDAR_OUT_OF_RANGE)', async () => {
    const user = await t.as('enterprise');
    const res = await user.get('/api/calendar/add-working-days?from=2100-12-30&days=10');
    const err = json<{ error: { code: string; message: string; details: { date: string; loadedYears: number[] } } }>(res).error;
    expect({ status: res.statusCode, code: err.code }).toEqual({ status: 400, code: 'CALENDAR_OUT_OF_RANGE' });
    expect(err.details.loadedYears).toEqual([2024, 2025, 2026]);
  });

  it('rejects bad dates and numbers (400 VALIDATION_FAILED)', async () => {
    const user = await t.as('enterprise');
    for (const url of [
      '/api/calendar/add-working-days?from=2025-02-30&days=1',
      '/api/calendar/add-working-days?from=2025-2-3&days=1',
      '/api/calendar/add-working-days?from=20250203&days=1',
      '/api/calendar/add-working-days?from=2025-02-03&days=-1',
      '/api/calendar/add-working-days?from=2025-02-03&days=1.5',
      '/api/calendar/add-working-days?from=2025-02-03&days=3651',
      '/api/calendar/add-working-days?from=2025-02-03',
      '/api/calendar/add-working-days?from=2025-02-03&days=1&tz=utc',
      '/api/calendar/working-days-between?from=2025-02-03',
      '/api/calendar/deadline?from=tomorrow&days=1',
    ]) {
      const res = await user.get(url);
      expect({ url, status: res.statusCode, code: errorCode(res) }).toEqual({ url, status: 400, code: 'VALIDATION_FAILED' });
    }
  });
});

describe('POST /api/system/calendar/years', () => {
  const notice2027 = { year: 2027, source: '测试通知（2026-11-01）', holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }], workdays: ['2027-02-06'] };

  it('rejects impossible notices with 400 and changes nothing', async () => {
    const seq = await headSeq();
    const cases: [string, unknown][] = [
      ['holiday outside the year', { year: 2028, holidays: [{ name: '元旦', from: '2027-12-31', to: '2028-01-01' }] }],
      ['holiday ending before it starts', { year: 2028, holidays: [{ name: '春节', from: '2028-01-28', to: '2028-01-26' }] }],
      ['adjusted working day on a weekday', { year: 2028, workdays: ['2028-01-04'] }],
      ['adjusted working day inside a holiday', { year: 2028, holidays: [{ name: '元旦', from: '2028-01-01', to: '2028-01-03' }], workdays: ['2028-01-01'] }],
      ['adjusted working day in another year', { year: 2028, workdays: ['2027-01-02'] }],
      ['no such date', { year: 2028, workdays: ['2028-02-30'] }],
      ['badly written date', { year: 2028, workdays: ['2028/01/01'] }],
      ['year too early', { year: 1999 }],
      ['year as text', { year: '2028' }],
      ['nameless holiday', { year: 2028, holidays: [{ name: '', from: '2028-01-01', to: '2028-01-01' }] }],
      ['too many holidays', { year: 2028, holidays: Array.from({ length: 31 }, (_, i) => ({ name: `假${i}`, from: '2028-03-01', to: '2028-03-01' })) }],
      ['unknown field', { year: 2028, region: 'tianjin' }],
      ['over-long source', { year: 2028, source: '源'.repeat(201) }],
    ];
    for (const [name, body] of cases) {
      const res = await admin.post('/api/system/calendar/years', body);
      expect({ name, status: res.statusCode, code: errorCode(res) }).toEqual({ name, status: 400, code: 'VALIDATION_FAILED' });
    }
    expect(await findCalendarYear(t.db, 2028)).toBeNull();
    expect(await daysOfYear(t.db, 2028)).toEqual([]);
    expect(await auditSince(seq)).toEqual([]);
  });

  it('adds a year from its notice, audits it, and deadline arithmetic uses it at once', async () => {
    // Before the notice, Saturday 6 February is a rest day like any other and the answer an estimate.
    expect(json(await admin.get('/api/calendar/add-working-days?from=2027-02-05&days=1'))).toEqual({ date: '2027-02-08', provisional: true });
    const seq = await headSeq();
    const res = await admin.post('/api/system/calendar/years', notice2027);
    expect(res.statusCode).toBe(201);
    expect(json(res)).toEqual({ year: 2027, source: notice2027.source, ...expectedStats(2027, notice2027.holidays, notice2027.workdays), updatedAt: expect.any(String) });
    const days = await daysOfYear(t.db, 2027);
    expect(days).toHaveLength(365);
    expect(days.find((d) => d.date === '2027-01-02')).toMatchObject({ kind: 'holiday', name: '元旦' });
    expect(days.find((d) => d.date === '2027-02-06')).toMatchObject({ kind: 'adjusted_workday' });
    const audit = await auditSince(seq);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'system.calendar.year.create',
      targetType: 'calendar_year',
      targetId: '2027',
      before: null,
      after: { source: notice2027.source, holidays: notice2027.holidays, workdays: notice2027.workdays, holidayDays: 3, adjustedWorkdayCount: 1 },
    });
    expect(json(await admin.get('/api/calendar/add-working-days?from=2027-02-05&days=1'))).toEqual({ date: '2027-02-06', provisional: false });
  });

  it('refuses a year that exists (409 CALENDAR_YEAR_EXISTS) and keeps it', async () => {
    const seq = await headSeq();
    for (const year of [2025, 2027]) {
      const res = await admin.post('/api/system/calendar/years', { year, holidays: [] });
      expect({ year, status: res.statusCode, code: errorCode(res) }).toEqual({ year, status: 409, code: 'CALENDAR_YEAR_EXISTS' });
    }
    expect((await findCalendarDay(t.db, '2027-01-01'))!.kind).toBe('holiday');
    expect(await auditSince(seq)).toEqual([]);
  });
});

describe('PUT /api/system/calendar/years/:year', () => {
  it('re-loads a year from a corrected notice and audits the replacement', async () => {
    const seq = await headSeq();
    const res = await admin.put('/api/system/calendar/years/2027', { source: '更正通知', holidays: [], workdays: [] });
    expect(res.statusCode).toBe(200);
    expect(json(res)).toMatchObject({ year: 2027, source: '更正通知', holidays: 0, adjustedWorkdays: 0 });
    expect((await findCalendarDay(t.db, '2027-01-01'))!.kind).toBe('workday');
    expect(await findCalendarYear(t.db, 2027)).toMatchObject({ source: '更正通知' });
    const audit = await auditSince(seq);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'system.calendar.year.replace',
      targetId: '2027',
      before: { source: '测试通知（2026-11-01）', holidayDays: 3, adjustedWorkdayCount: 1 },
      after: { source: '更正通知', holidayDays: 0, adjustedWorkdayCount: 0 },
    });
    expect(json(await admin.get('/api/calendar/add-working-days?from=2026-12-31&days=1'))).toEqual({ date: '2027-01-01', provisional: false });
  });

  it('answers 404 for a year not loaded and 400 for a year in the body', async () => {
    const seq = await headSeq();
    expect((await admin.put('/api/system/calendar/years/2031', { holidays: [] })).statusCode).toBe(404);
    expect(await findCalendarYear(t.db, 2031)).toBeNull();
    expect((await admin.put('/api/system/calendar/years/2027', { year: 2027, holidays: [] })).statusCode).toBe(400);
    expect((await admin.put('/api/system/calendar/years/2027', { workdays: ['2028-01-01'] })).statusCode).toBe(400);
    expect(await auditSince(seq)).toEqual([]);
  });
});

describe('PUT /api/system/calendar/days/:date', () => {
  it('turns a working day into a holiday, audits it, and deadlines follow at once', async () => {
    expect(json(await admin.get('/api/calendar/add-working-days?from=2026-03-06&days=1'))).toEqual({ date: '2026-03-09', provisional: false });
    const seq = await headSeq();
    const res = await admin.put('/api/system/calendar/days/2026-03-09', { kind: 'holiday', name: '测试假日' });
    expect(res.statusCode).toBe(200);
    expect(json(res)).toEqual({ date: '2026-03-09', kind: 'holiday', name: '测试假日', working: false });
    expect(await findCalendarDay(t.db, '2026-03-09')).toMatchObject({ kind: 'holiday', name: '测试假日' });
    const audit = await auditSince(seq);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'system.calendar.day.update',
      targetType: 'calendar_day',
      targetId: '2026-03-09',
      before: { date: '2026-03-09', kind: 'workday', name: null, working: true },
      after: { date: '2026-03-09', kind: 'holiday', name: '测试假日', working: false },
    });
    expect(json(await admin.get('/api/calendar/add-working-days?from=2026-03-06&days=1'))).toEqual({ date: '2026-03-10', provisional: false });
    const back = await admin.put('/api/system/calendar/days/2026-03-09', { kind: 'workday', name: '忽略' });
    expect(json(back)).toEqual({ date: '2026-03-09', kind: 'workday', name: null, working: true });
  });

  it('names weekend corrections itself (调休上班, 节假日 by default)', async () => {
    expect(json(await admin.put('/api/system/calendar/days/2026-11-28', { kind: 'adjusted_workday', name: '随便' }))).toEqual({ date: '2026-11-28', kind: 'adjusted_workday', name: '调休上班', working: true });
    expect(json(await admin.put('/api/system/calendar/days/2026-11-28', { kind: 'holiday' }))).toEqual({ date: '2026-11-28', kind: 'holiday', name: '节假日', working: false });
    expect(json(await admin.put('/api/system/calendar/days/2026-11-28', { kind: 'restday' }))).toMatchObject({ kind: 'restday', name: null });
  });

  it('refuses kinds the weekday cannot have, dates outside the calendar and bad input, changing nothing', async () => {
    const seq = await headSeq();
    const weekday = await admin.put('/api/system/calendar/days/2026-03-04', { kind: 'adjusted_workday' });
    expect(weekday.statusCode).toBe(400);
    expect(json<{ error: { details: { path: string }[] } }>(weekday).error.details[0]!.path).toBe('kind');
    expect((await admin.put('/api/system/calendar/days/2026-03-04', { kind: 'restday' })).statusCode).toBe(400);
    expect((await admin.put('/api/system/calendar/days/2026-03-07', { kind: 'workday' })).statusCode).toBe(400);
    const outside = await admin.put('/api/system/calendar/days/2030-01-02', { kind: 'holiday' });
    expect(outside.statusCode).toBe(400);
    expect(errorCode(outside)).toBe('CALENDAR_OUT_OF_RANGE');
    expect(json<{ error: { details: { date: string } } }>(outside).error.details.date).toBe('2030-01-02');
    for (const [date, body] of [
      ['2026-02-30', { kind: 'holiday' }],
      ['2026-3-4', { kind: 'holiday' }],
      ['2026-03-04', { kind: 'vacation' }],
      ['2026-03-04', { kind: 'holiday', name: '假'.repeat(51) }],
      ['2026-03-04', { kind: 'holiday', working: false }],
    ] as const) {
      const res = await admin.put(`/api/system/calendar/days/${date}`, body);
      expect({ date, body, status: res.statusCode, code: errorCode(res) }).toEqual({ date, body, status: 400, code: 'VALIDATION_FAILED' });
    }
    expect(await findCalendarDay(t.db, '2026-03-04')).toMatchObject({ kind: 'workday', name: null });
    expect(await findCalendarDay(t.db, '2026-03-07')).toMatchObject({ kind: 'restday' });
    expect(await auditSince(seq)).toEqual([]);
  });
});

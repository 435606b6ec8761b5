import {
  addWorkingDaysQuery,
  calendarDayResponse,
  calendarDaysResponse,
  calendarDeadlineQuery,
  calendarYearSchema,
  calendarYearsResponse,
  countResponse,
  createCalendarYearBody,
  dateParam,
  dateResponse,
  updateCalendarDayBody,
  workingDaysBetweenQuery,
  yearParam,
} from '../../../../contracts/calendar.js';
import { sendExport } from '../../platform/excel/excel-export.js';
import type { ZApp } from '../../platform/http/types.js';
import {
  addWorkingDays,
  calendarDeadline,
  getCalendarYear,
  listCalendarYears,
  saveCalendarYear,
  updateCalendarDay,
  workingDaysBetween,
} from './calendar.service.js';
import { dictLabeler } from './dict.service.js';
import { CALENDAR_EXPORT } from './system.excel.js';
import type { SystemDeps } from './system.deps.js';

const TAG = ['工作日历 Working-day calendar'];
const TITLE = '工作日历';

export function calendarRoutes(app: ZApp, deps: SystemDeps): void {
  const store = deps.calendar;

  // Deadline arithmetic: any signed-in user (every module computes deadlines).
  app.get('/api/calendar/add-working-days', {
    config: { access: 'authenticated' },
    schema: {
      tags: TAG,
      summary: 'N 个工作日后的日期（首日不计）The date N working days later (first day not counted)',
      querystring: addWorkingDaysQuery,
      response: { 200: dateResponse },
    },
    handler: async (request) => addWorkingDays(request.ctx(), store, request.query.from, request.query.days),
  });

  app.get('/api/calendar/working-days-between', {
    config: { access: 'authenticated' },
    schema: { tags: TAG, summary: '两日之间的工作日数（首日不计）Working days in (from, to]', querystring: workingDaysBetweenQuery, response: { 200: countResponse } },
    handler: async (request) => workingDaysBetween(request.ctx(), store, request.query.from, request.query.to),
  });

  app.get('/api/calendar/deadline', {
    config: { access: 'authenticated' },
    schema: {
      tags: TAG,
      summary: 'N 日期限（末日遇节假日顺延）A calendar-day deadline, rolled to the next working day',
      querystring: calendarDeadlineQuery,
      response: { 200: dateResponse },
    },
    handler: async (request) => calendarDeadline(request.ctx(), store, request.query.from, request.query.days),
  });

  app.get('/api/system/calendar/years', {
    config: { access: 'system:calendar:list' },
    schema: { tags: TAG, summary: '已加载年度 Loaded years', response: { 200: calendarYearsResponse } },
    handler: async (request) => ({ items: await listCalendarYears(request.ctx()) }),
  });

  app.get('/api/system/calendar/years/:year', {
    config: { access: 'system:calendar:list' },
    schema: { tags: TAG, summary: '年度日历 A year’s days', params: yearParam, response: { 200: calendarDaysResponse } },
    handler: (request) => getCalendarYear(request.ctx(), request.params.year),
  });

  app.get('/api/system/calendar/years/:year/export', {
    config: { access: 'system:calendar:export', oplog: { title: TITLE, type: 'export' } },
    schema: { tags: TAG, summary: '导出年度日历 Export a year (.xlsx)', params: yearParam },
    handler: async (request, reply) => {
      const ctx = request.ctx();
      const { days } = await getCalendarYear(ctx, request.params.year);
      return sendExport(reply, { title: `${request.params.year}年工作日历`, filters: [`年度：${request.params.year}年`], columns: CALENDAR_EXPORT, rows: days, label: await dictLabeler(ctx.db) });
    },
  });

  app.post('/api/system/calendar/years', {
    config: { access: 'system:calendar:update', oplog: { title: TITLE, type: 'create' } },
    schema: { tags: TAG, summary: '按国务院通知新增年度 Add a year from the State Council notice', body: createCalendarYearBody, response: { 201: calendarYearSchema } },
    handler: async (request, reply) => reply.status(201).send(await saveCalendarYear(request.ctx(), store, request.body, { replace: false })),
  });

  app.put('/api/system/calendar/years/:year', {
    config: { access: 'system:calendar:update', oplog: { title: TITLE, type: 'update' } },
    schema: {
      tags: TAG,
      summary: '按通知重新生成年度 Re-load a year from its notice',
      params: yearParam,
      body: createCalendarYearBody.omit({ year: true }),
      response: { 200: calendarYearSchema },
    },
    handler: (request) => saveCalendarYear(request.ctx(), store, { ...request.body, year: request.params.year }, { replace: true }),
  });

  app.put('/api/system/calendar/days/:date', {
    config: { access: 'system:calendar:update', oplog: { title: TITLE, type: 'update' } },
    schema: { tags: TAG, summary: '修改某一天 Correct one day', params: dateParam, body: updateCalendarDayBody, response: { 200: calendarDayResponse } },
    handler: (request) => updateCalendarDay(request.ctx(), store, request.params.date, request.body),
  });
}

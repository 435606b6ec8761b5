import { idParam, okResponse } from '../../../../contracts/common.js';
import {
  batchRemindBody,
  batchRemindResponse,
  dashboardQuery,
  dashboardSchema,
  importPlanTextBody,
  indicatorDetailSchema,
  indicatorListQuery,
  indicatorListResponse,
  recordIndicatorValueBody,
  roundListResponse,
  roundSchema,
  submitRoundBody,
  setIndicatorBaselineBody,
  planDetailSchema,
  planListQuery,
  planListResponse,
  publishPlanBody,
  publishPlanResponse,
  reminderSchema,
  remindTaskBody,
  respondReminderBody,
  reviewReportBody,
  saveDraftBody,
  submitReportBody,
  taskDetailSchema,
  taskListQuery,
  taskListResponse,
  taskReportSchema,
  taskUnitsQuery,
  taskUnitsResponse,
  todoQuery,
  todoResponse,
} from '../../../../contracts/plans.js';
import type { Executor } from '../../db/client.js';
import { hasPermission } from '../../platform/context.js';
import { buildTemplate, sendWorkbook, type DictLabel } from '../../platform/excel/excel.js';
import { filterWords, sendExport } from '../../platform/excel/excel-export.js';
import { attachmentDisposition } from '../../platform/http/download.js';
import { serveFormerPaths, type MovedPrefix } from '../../platform/http/former-paths.js';
import type { ZApp } from '../../platform/http/types.js';
import { uploadedFile } from '../../platform/http/upload.js';
import { ATTACHMENT_MAX_BYTES } from '../../platform/files/file.rules.js';
import { MAX_PLAN_FILE_BYTES } from './parser/index.js';
import { getDashboard } from './dashboard.service.js';
import { getIndicator, listIndicators, recordIndicatorValue, setBaseline } from './indicator.service.js';
import { PLAN_EXPORT, TASK_EXPORT } from './plans.excel.js';
import { listRounds, submitRoundReport } from './round.service.js';
import { PLAN_SHEET, PLAN_SHEET_EXAMPLE } from './plan-sheet.js';
import { deletePlanDraft, getPlan, importPlan, importPlanFile, listPlans, publishPlan, savePlanDraft } from './plan.service.js';
import {
  attachToReport,
  getReportAttachment,
  getTask,
  getTodo,
  listTaskUnits,
  listTasks,
  remindTask,
  remindTasks,
  respondToReminder,
  reviewTaskReport,
  submitTaskReport,
  type CalendarSource,
} from './task.service.js';

const PLAN_TAG = ['行动计划 Action plans'];
const TASK_TAG = ['任务督办 Tasks'];
const PLAN_TITLE = '行动计划';
const TASK_TITLE = '任务督办';

/** Pasted plan text: up to a million characters (UTF-8 Chinese takes three bytes each). */
const PASTE_BODY_LIMIT = 4 * 1024 * 1024;

/** Rows an export writes at most (the list's filters narrow it). */
const EXPORT_MAX = 10_000;

export interface PlansDeps {
  calendarOf: CalendarSource;
  /** Dictionary labels for exports (from the system module). */
  label: (db: Executor) => Promise<DictLabel>;
}

/**
 * Paths that moved out from under /api/plans: `/api/plans/tasks/{id}` read like `/api/plans/{id}/…`
 * with id "tasks" (an ambiguous OpenAPI document). The former paths still answer.
 */
export const PLANS_MOVED_PATHS: readonly MovedPrefix[] = [
  { from: '/api/plans/tasks', to: '/api/tasks' },
  { from: '/api/plans/indicators', to: '/api/indicators' },
  { from: '/api/plans/attachments', to: '/api/task-attachments' },
];

export function plansRoutes(app: ZApp, deps: PlansDeps): void {
  serveFormerPaths(app, PLANS_MOVED_PATHS);
  app.get('/api/plans', {
    config: { access: 'plans:plan:list' },
    schema: { tags: PLAN_TAG, summary: '行动计划列表 List action plans', querystring: planListQuery, response: { 200: planListResponse } },
    handler: (request) => listPlans(request.ctx(), request.query),
  });

  app.get('/api/plans/export', {
    config: { access: 'plans:plan:list', oplog: { title: PLAN_TITLE, type: 'export' } },
    schema: { tags: PLAN_TAG, summary: '导出行动计划 Export plans (.xlsx)', querystring: planListQuery },
    handler: async (request, reply) => {
      const ctx = request.ctx();
      const q = request.query;
      const [page, label] = await Promise.all([listPlans(ctx, { ...q, page: 1, pageSize: EXPORT_MAX }), deps.label(ctx.db)]);
      const filters = filterWords([
        ['关键词', q.keyword],
        ['状态', q.status ? label('plan_status', q.status) : null],
      ]);
      return sendExport(reply, { title: '行动计划', filters, columns: PLAN_EXPORT, rows: page.items, label, maxRows: EXPORT_MAX });
    },
  });

  app.post('/api/plans/import', {
    config: { access: 'plans:plan:import', oplog: { title: PLAN_TITLE, type: 'import' } },
    schema: {
      tags: PLAN_TAG,
      summary: '上传政策文件（.txt / .docx）或任务清单（.xlsx）为计划草稿 Upload a policy document or an Excel task list',
      description: '同一文本再次导入返回已有计划（200），新计划为 201。Importing the same text again returns the existing plan (200).',
      response: { 200: planDetailSchema, 201: planDetailSchema },
    },
    handler: async (request, reply) => {
      const file = await uploadedFile(request, { maxBytes: MAX_PLAN_FILE_BYTES });
      const { plan, created } = await importPlanFile(request.ctx(), { filename: file.filename, data: file.buffer, mimetype: file.mimetype });
      return reply.status(created ? 201 : 200).send(plan);
    },
  });

  app.get('/api/plans/import-template', {
    config: { access: 'plans:plan:import' },
    schema: { tags: PLAN_TAG, summary: '任务清单导入模板 Excel task-list template' },
    handler: async (_request, reply) => sendWorkbook(reply, '任务清单导入模板', await buildTemplate('任务清单', PLAN_SHEET, PLAN_SHEET_EXAMPLE)),
  });

  app.post('/api/plans/import-text', {
    bodyLimit: PASTE_BODY_LIMIT,
    config: { access: 'plans:plan:import', oplog: { title: PLAN_TITLE, type: 'import' } },
    schema: { tags: PLAN_TAG, summary: '粘贴文本导入计划 Import pasted text', body: importPlanTextBody, response: { 200: planDetailSchema, 201: planDetailSchema } },
    handler: async (request, reply) => {
      const { plan, created } = await importPlan(request.ctx(), { text: request.body.text, sourceName: request.body.sourceName ?? null });
      return reply.status(created ? 201 : 200).send(plan);
    },
  });

  app.get('/api/plans/:id', {
    config: { access: 'plans:plan:list' },
    schema: { tags: PLAN_TAG, summary: '计划详情（含草稿与原文）Plan with draft and source text', params: idParam, response: { 200: planDetailSchema } },
    handler: (request) => getPlan(request.ctx(), request.params.id),
  });

  app.put('/api/plans/:id/draft', {
    bodyLimit: PASTE_BODY_LIMIT,
    config: { access: 'plans:plan:update', oplog: { title: PLAN_TITLE, type: 'update' } },
    schema: { tags: PLAN_TAG, summary: '保存审核后的草稿 Save the reviewed draft', params: idParam, body: saveDraftBody, response: { 200: planDetailSchema } },
    handler: (request) => savePlanDraft(request.ctx(), request.params.id, request.body),
  });

  app.post('/api/plans/:id/publish', {
    config: { access: 'plans:plan:publish', oplog: { title: PLAN_TITLE, type: 'other' } },
    schema: { tags: PLAN_TAG, summary: '发布计划，生成任务 Publish: create tasks', params: idParam, body: publishPlanBody, response: { 200: publishPlanResponse } },
    handler: (request) => publishPlan(request.ctx(), request.params.id, request.body),
  });

  app.delete('/api/plans/:id', {
    config: { access: 'plans:plan:delete', oplog: { title: PLAN_TITLE, type: 'delete' } },
    schema: { tags: PLAN_TAG, summary: '删除计划草稿 Delete a draft', params: idParam, response: { 200: okResponse } },
    handler: async (request) => {
      await deletePlanDraft(request.ctx(), request.params.id);
      return { ok: true as const };
    },
  });

  app.get('/api/tasks', {
    config: { access: 'plans:task:list' },
    schema: { tags: TASK_TAG, summary: '任务列表（数据范围内）Tasks in your scope', querystring: taskListQuery, response: { 200: taskListResponse } },
    handler: (request) => listTasks(request.ctx(), deps.calendarOf, request.query),
  });

  app.get('/api/tasks/export', {
    config: { access: 'plans:task:export', oplog: { title: TASK_TITLE, type: 'export' } },
    schema: { tags: TASK_TAG, summary: '导出任务 Export tasks (.xlsx)', querystring: taskListQuery },
    handler: async (request, reply) => {
      const ctx = request.ctx();
      const q = request.query;
      const [page, label] = await Promise.all([listTasks(ctx, deps.calendarOf, { ...q, page: 1, pageSize: EXPORT_MAX }), deps.label(ctx.db)]);
      // Names from the rows themselves (every row of a plan or unit filter carries them).
      const first = page.items[0];
      const filters = filterWords([
        ['关键词', q.keyword],
        ['计划', q.planId ? (first?.planTitle ?? `编号 ${q.planId}`) : null],
        ['责任单位', q.deptId ? (first?.deptName ?? `编号 ${q.deptId}`) : null],
        ['承担方式', q.role ? label('plan_unit_role', q.role) : null],
        ['状态', q.status ? label('plan_task_status', q.status) : null],
        ['期限', q.due === 'overdue' ? '已逾期' : q.due === 'soon' ? '即将到期（5 个工作日内）' : null],
        ['督办', q.reminders === 'open' ? '有待答复的督办' : null],
      ]);
      return sendExport(reply, { title: '任务清单', filters, columns: TASK_EXPORT, rows: page.items, label, maxRows: EXPORT_MAX });
    },
  });

  app.get('/api/tasks/units', {
    config: { access: 'plans:task:list' },
    schema: { tags: TASK_TAG, summary: '有任务的责任单位（数据范围内）Units holding tasks in your scope', querystring: taskUnitsQuery, response: { 200: taskUnitsResponse } },
    handler: async (request) => ({ items: await listTaskUnits(request.ctx(), request.query) }),
  });

  app.post('/api/tasks/batch-reminders', {
    config: { access: 'plans:task:remind', oplog: { title: TASK_TITLE, type: 'create' } },
    schema: {
      tags: TASK_TAG,
      summary: '批量督办 Send one reminder to each chosen or matching task',
      description:
        '`taskIds` 或 `filter`（与任务列表相同的筛选条件）二选一；`dryRun: true` 只清点不发送。范围外或不存在的任务编号返回 404，不发送任何督办。Either `taskIds` or `filter` (the list\'s filters); `dryRun` counts without sending. Ids outside your scope are 404 and nothing is sent.',
      body: batchRemindBody,
      response: { 200: batchRemindResponse },
    },
    handler: (request) => remindTasks(request.ctx(), deps.calendarOf, request.body),
  });

  app.get('/api/plans/:id/rounds', {
    config: { access: 'plans:task:list' },
    schema: { tags: TASK_TAG, summary: '报送节点与各单位报送情况 Reporting rounds', params: idParam, response: { 200: roundListResponse } },
    handler: async (request) => ({ items: await listRounds(request.ctx(), request.params.id) }),
  });

  app.post('/api/plans/rounds/:id/submissions', {
    config: { access: 'plans:task:report', oplog: { title: TASK_TITLE, type: 'create' } },
    schema: { tags: TASK_TAG, summary: '节点报送 Report for a round', params: idParam, body: submitRoundBody, response: { 201: roundSchema } },
    handler: async (request, reply) => reply.status(201).send(await submitRoundReport(request.ctx(), request.params.id, request.body)),
  });

  app.get('/api/plans/dashboard', {
    config: { access: 'plans:task:list' },
    schema: { tags: TASK_TAG, summary: '督办看板 Supervision dashboard', querystring: dashboardQuery, response: { 200: dashboardSchema } },
    handler: (request) => getDashboard(request.ctx(), request.query),
  });

  app.get('/api/indicators', {
    config: { access: 'plans:plan:list' },
    schema: { tags: PLAN_TAG, summary: '量化指标 Indicators', querystring: indicatorListQuery, response: { 200: indicatorListResponse } },
    handler: (request) => listIndicators(request.ctx(), request.query),
  });

  app.get('/api/indicators/:id', {
    config: { access: 'plans:plan:list' },
    schema: { tags: PLAN_TAG, summary: '指标详情与历史值 Indicator with its values', params: idParam, response: { 200: indicatorDetailSchema } },
    handler: (request) => getIndicator(request.ctx(), request.params.id),
  });

  app.post('/api/indicators/:id/values', {
    config: { access: 'plans:plan:update', oplog: { title: PLAN_TITLE, type: 'create' } },
    schema: { tags: PLAN_TAG, summary: '录入指标值 Record a value', params: idParam, body: recordIndicatorValueBody, response: { 201: indicatorDetailSchema } },
    handler: async (request, reply) => reply.status(201).send(await recordIndicatorValue(request.ctx(), request.params.id, request.body)),
  });

  app.put('/api/indicators/:id/baseline', {
    config: { access: 'plans:plan:update', oplog: { title: PLAN_TITLE, type: 'update' } },
    schema: { tags: PLAN_TAG, summary: '设置指标基数 Set the baseline', params: idParam, body: setIndicatorBaselineBody, response: { 200: indicatorDetailSchema } },
    handler: (request) => setBaseline(request.ctx(), request.params.id, request.body),
  });

  app.get('/api/plans/todo', {
    config: { access: 'plans:task:list' },
    schema: { tags: TASK_TAG, summary: '我的待办 My to-do list', querystring: todoQuery, response: { 200: todoResponse } },
    handler: (request) => {
      const ctx = request.ctx();
      return getTodo(ctx, deps.calendarOf, { days: request.query.days, canReview: hasPermission(ctx, 'plans:task:review'), canReport: hasPermission(ctx, 'plans:task:report') });
    },
  });

  app.get('/api/tasks/:id', {
    config: { access: 'plans:task:list' },
    schema: { tags: TASK_TAG, summary: '任务详情 Task with reports and reminders', params: idParam, response: { 200: taskDetailSchema } },
    handler: (request) => getTask(request.ctx(), deps.calendarOf, request.params.id),
  });

  app.post('/api/tasks/:id/reports', {
    config: { access: 'plans:task:report', oplog: { title: TASK_TITLE, type: 'create' } },
    schema: { tags: TASK_TAG, summary: '报送进展 Report progress', params: idParam, body: submitReportBody, response: { 201: taskReportSchema } },
    handler: async (request, reply) => reply.status(201).send(await submitTaskReport(request.ctx(), request.params.id, request.body)),
  });

  app.post('/api/plans/reports/:id/attachments', {
    config: { access: 'plans:task:report', oplog: { title: TASK_TITLE, type: 'create' } },
    schema: { tags: TASK_TAG, summary: '上传报告附件（multipart，≤ 20 MB）Attach a file to a report', params: idParam, response: { 201: taskReportSchema } },
    handler: async (request, reply) => {
      const file = await uploadedFile(request, { maxBytes: ATTACHMENT_MAX_BYTES });
      return reply.status(201).send(await attachToReport(request.ctx(), request.params.id, { filename: file.filename, data: file.buffer }));
    },
  });

  app.get('/api/task-attachments/:id', {
    config: { access: 'plans:task:list' },
    schema: { tags: TASK_TAG, summary: '下载报告附件 Download an attachment', params: idParam },
    handler: async (request, reply) => {
      const file = await getReportAttachment(request.ctx(), request.params.id);
      return reply
        .header('content-type', file.mimetype)
        .header('content-disposition', attachmentDisposition(file.filename, `file-${file.id}`))
        .header('x-content-type-options', 'nosniff')
        .send(file.data);
    },
  });

  app.post('/api/plans/reports/:id/review', {
    config: { access: 'plans:task:review', oplog: { title: TASK_TITLE, type: 'update' } },
    schema: { tags: TASK_TAG, summary: '采纳或退回进展报告 Accept or return a report', params: idParam, body: reviewReportBody, response: { 200: taskReportSchema } },
    handler: (request) => reviewTaskReport(request.ctx(), request.params.id, request.body),
  });

  app.post('/api/tasks/:id/reminders', {
    config: { access: 'plans:task:remind', oplog: { title: TASK_TITLE, type: 'create' } },
    schema: { tags: TASK_TAG, summary: '督办 Send a formal reminder', params: idParam, body: remindTaskBody, response: { 201: reminderSchema } },
    handler: async (request, reply) => reply.status(201).send(await remindTask(request.ctx(), deps.calendarOf, request.params.id, request.body)),
  });

  app.post('/api/plans/reminders/:id/response', {
    config: { access: 'plans:task:report', oplog: { title: TASK_TITLE, type: 'update' } },
    schema: { tags: TASK_TAG, summary: '答复督办 Answer a reminder', params: idParam, body: respondReminderBody, response: { 200: reminderSchema } },
    handler: (request) => respondToReminder(request.ctx(), request.params.id, request.body),
  });
}


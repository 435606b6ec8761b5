/**
 * Task use cases: the scoped task list and to-do list, progress reports (by the responsible unit),
 * their review (by the quality office) and formal reminders (督办) with a response deadline in
 * working days.
 */
import type { Page } from '../../../../contracts/common.js';
import { msg, pickLang } from '../../../../contracts/i18n.js';
import { createHash } from 'node:crypto';
import { BATCH_REMIND_MAX, type Attachment, type BatchRemindResult, type Reminder, type TargetComparator, type Task, type TaskDetail, type TaskFilterQuery, type TaskListQuery, type TaskReport, type TaskUnit, type Todo } from '../../../../contracts/plans.js';
import { pageWindow } from '../../db/query-helpers.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import type { WorkingCalendar } from '../../platform/calendar/calendar.rules.js';
import { todayInChina } from '../../platform/calendar/today.js';
import type { Ctx } from '../../platform/context.js';
import { filesOf, findFile, insertFile, type FileMeta, type StoredFileRow } from '../../platform/files/file.repository.js';
import { ATTACHMENT_EXTENSIONS, attachmentMime, cleanFilename } from '../../platform/files/file.rules.js';
import { AppError } from '../../platform/http/errors.js';
import {
  answerReminder,
  countReportsToReview,
  decideReport,
  findReminder,
  findReport,
  findTask,
  findTasks,
  indicatorIdsOfPlan,
  insertIndicatorValue,
  insertReminder,
  insertReminders,
  insertReport,
  listIndicators as listIndicatorRows,
  listTasks as listTaskRows,
  pendingRoundReports,
  remindersOfTask,
  reportsOfTask,
  setTaskProgress,
  taskUnits,
  withdrawPendingReports,
  type ReminderRow,
  type ReportRow,
  type TaskFilter,
  type TaskJoined,
} from './plans.repository.js';
import { namesOf, type NameOf } from '../system/index.js';
import { mayReportOn, statusAfterReview } from './plans.rules.js';

/** The working-day calendar, loaded by the system module (passed in so this module does not import its internals). */
export type CalendarSource = (ctx: Ctx) => Promise<WorkingCalendar>;

function toTaskDto(r: TaskJoined, calendar: WorkingCalendar, today: string): Task {
  const done = r.task.status === 'completed';
  return {
    id: r.task.id,
    planId: r.task.planId,
    planTitle: r.planTitle,
    itemPath: r.itemPath,
    itemHeading: r.itemHeading,
    itemText: r.itemText,
    deptId: r.task.deptId,
    deptName: r.deptName,
    districtCode: r.task.districtCode,
    role: r.task.role as Task['role'],
    dueDate: r.task.dueDate,
    status: r.task.status as Task['status'],
    percent: r.task.percent,
    workingDaysLeft: done ? null : calendar.countdown(today, r.task.dueDate).workingDaysLeft,
    overdue: !done && r.task.dueDate < today,
    lastReportAt: r.task.lastReportAt?.toISOString() ?? null,
    openReminders: r.openReminders,
  };
}

function toAttachmentDto(f: FileMeta): Attachment {
  return { id: f.id, filename: f.filename, mimetype: f.mimetype, size: f.size, uploadedBy: f.uploadedBy, uploadedAt: f.uploadedAt.toISOString() };
}

function toReportDto(r: ReportRow, files: readonly FileMeta[] = [], nameOf: NameOf = () => null): TaskReport {
  return {
    id: r.id,
    taskId: r.taskId,
    text: r.text,
    percent: r.percent,
    indicatorValues: r.indicatorValues,
    attachments: files.filter((f) => f.ownerId === r.id).map(toAttachmentDto),
    status: r.status as TaskReport['status'],
    submittedBy: r.submittedBy,
    submittedByName: nameOf(r.submittedBy),
    submittedAt: r.submittedAt.toISOString(),
    reviewComment: r.reviewComment,
    reviewedBy: r.reviewedBy,
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
  };
}

function toReminderDto(r: ReminderRow, nameOf: NameOf = () => null): Reminder {
  return {
    id: r.id,
    taskId: r.taskId,
    message: r.message,
    respondBy: r.respondBy,
    createdBy: r.createdBy,
    createdByName: nameOf(r.createdBy),
    createdAt: r.createdAt.toISOString(),
    response: r.response,
    respondedAt: r.respondedAt?.toISOString() ?? null,
  };
}

/**
 * The date `n` working days after `from`, with a warning to show when the count runs through a year
 * whose State Council notice is not loaded (weekends and fixed-date holidays only; see the calendar).
 */
export function addWorkingDaysOrEstimate(calendar: WorkingCalendar, from: string, n: number): { date: string; warning: string | null } {
  const date = calendar.addWorkingDays(from, n);
  const year = calendar.provisionalYearIn(from, date);
  return {
    date,
    warning:
      year === null
        ? null
        : msg(
            `${year} 年节假日安排尚未载入，暂按周末及元旦、劳动节、国庆节估算；请在“工作日历”中添加该年度`,
            `The ${year} holiday notice is not loaded; counted with weekends and fixed-date holidays only. Add the year under Calendar.`,
          ),
  };
}

function taskFilter(q: TaskFilterQuery, today: string, horizon: string): TaskFilter {
  return {
    keyword: q.keyword,
    planId: q.planId,
    deptId: q.deptId,
    role: q.role,
    status: q.status,
    dueBetween: q.due === 'soon' ? { from: today, to: horizon } : undefined,
    dueBefore: q.due === 'overdue' ? today : undefined,
    withOpenReminders: q.reminders === 'open',
  };
}

export async function listTasks(ctx: Ctx, calendarOf: CalendarSource, q: TaskListQuery): Promise<Page<Task>> {
  const calendar = await calendarOf(ctx);
  const today = todayInChina();
  const horizon = addWorkingDaysOrEstimate(calendar, today, 5).date;
  const { rows, total } = await listTaskRows(ctx.db, ctx.scope, taskFilter(q, today, horizon), pageWindow(q.page, q.pageSize));
  return { items: rows.map((r) => toTaskDto(r, calendar, today)), total, page: q.page, pageSize: q.pageSize };
}

/** The units (责任单位) holding tasks in the caller's scope, for the list's unit filter. */
export async function listTaskUnits(ctx: Ctx, q: { planId?: number | undefined }): Promise<TaskUnit[]> {
  return taskUnits(ctx.db, ctx.scope, q.planId);
}

async function loadTask(ctx: Ctx, id: number): Promise<TaskJoined> {
  const row = await findTask(ctx.db, id, ctx.scope);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

function canReport(ctx: Ctx, t: TaskJoined): boolean {
  return mayReportOn({ deptId: ctx.actor.deptId }, ctx.scope, { deptId: t.task.deptId, districtCode: t.task.districtCode, deptAncestors: t.deptAncestors });
}

export async function getTask(ctx: Ctx, calendarOf: CalendarSource, id: number): Promise<TaskDetail> {
  const row = await loadTask(ctx, id);
  const [calendar, reports, reminders, indicators] = await Promise.all([
    calendarOf(ctx),
    reportsOfTask(ctx.db, id),
    remindersOfTask(ctx.db, id),
    listIndicatorRows(ctx.db, { planId: row.task.planId }, { offset: 0, limit: 200 }),
  ]);
  const [files, nameOf] = await Promise.all([
    filesOf(ctx.db, REPORT_FILE_OWNER, reports.map((r) => r.id)),
    namesOf(ctx.db, [...reports.map((r) => r.submittedBy), ...reminders.map((r) => r.createdBy)]),
  ]);
  return {
    ...toTaskDto(row, calendar, todayInChina()),
    reports: reports.map((r) => toReportDto(r, files, nameOf)),
    reminders: reminders.map((r) => toReminderDto(r, nameOf)),
    canReport: canReport(ctx, row),
    planIndicators: indicators.rows.map(({ indicator: i }) => ({ id: i.id, name: i.name, comparator: i.comparator as TargetComparator, targetValue: i.targetValue, unit: i.unit })),
  };
}

/**
 * A responsible unit reports progress. Only the unit itself (or, for a district, its bureau) may;
 * a newer report supersedes one still awaiting review. A completed task takes no more reports.
 */
export async function submitTaskReport(ctx: Ctx, taskId: number, input: { text: string; percent: number; indicatorValues?: { indicatorId: number; value: number }[] }): Promise<TaskReport> {
  const row = await loadTask(ctx, taskId);
  if (!canReport(ctx, row)) throw new AppError('NOT_YOUR_TASK');
  if (row.task.status === 'completed') throw new AppError('CONFLICT', { message: { zh: '任务已完成，无需再报送', en: 'The task is already completed' } });
  const indicatorValues = input.indicatorValues ?? [];
  if (indicatorValues.length > 0) {
    const known = await indicatorIdsOfPlan(ctx.db, row.task.planId);
    const bad = indicatorValues.flatMap((v, i) => (known.has(v.indicatorId) ? [] : [i]));
    if (bad.length > 0) {
      throw new AppError('VALIDATION_FAILED', {
        details: bad.map((i) => ({ path: `indicatorValues[${i}].indicatorId`, code: 'reference', message: msg('不是本计划的量化指标', 'Not an indicator of this plan') })),
      });
    }
  }
  return ctx.db.transaction(async (tx) => {
    await withdrawPendingReports(tx, taskId, ctx.actor.username);
    const report = await insertReport(tx, { taskId, text: input.text, percent: input.percent, indicatorValues, submittedBy: ctx.actor.username });
    await setTaskProgress(tx, taskId, { status: 'submitted', lastReportAt: report.submittedAt });
    await appendAudit(tx, ctx, {
      action: 'plans.task.report',
      targetType: 'task_report',
      targetId: report.id,
      before: { taskStatus: row.task.status, percent: row.task.percent },
      after: { taskId, percent: input.percent, text: input.text },
    });
    return toReportDto(report);
  });
}

/** The quality office accepts a report (the task takes its percentage) or returns it with a comment. */
export async function reviewTaskReport(ctx: Ctx, reportId: number, input: { decision: 'accept' | 'return'; comment?: string | null | undefined }): Promise<TaskReport> {
  const report = await findReport(ctx.db, reportId);
  if (!report) throw new AppError('NOT_FOUND');
  const task = await loadTask(ctx, report.taskId);
  if (report.status !== 'submitted') throw new AppError('REPORT_DECIDED');
  if (input.decision === 'return' && !input.comment) {
    throw new AppError('VALIDATION_FAILED', { details: [{ path: 'comment', code: 'required', message: msg('退回时请写明原因', 'Say why the report is returned') }] });
  }
  const status = statusAfterReview(input.decision, report.percent);
  const reviewed = await ctx.db.transaction(async (tx) => {
    const decided = await decideReport(tx, reportId, { status: input.decision === 'accept' ? 'accepted' : 'returned', reviewComment: input.comment ?? null, reviewedBy: ctx.actor.username });
    if (!decided) throw new AppError('REPORT_DECIDED');
    // The values the unit reached become indicator history once the quality office accepts them.
    if (input.decision === 'accept') {
      for (const v of decided.indicatorValues) {
        await insertIndicatorValue(tx, {
          indicatorId: v.indicatorId,
          value: v.value,
          asOf: todayInChina(decided.submittedAt),
          source: 'report',
          note: `${task.deptName} 进展报告 #${decided.id}`,
          recordedBy: ctx.actor.username,
        });
      }
    }
    await setTaskProgress(
      tx,
      task.task.id,
      input.decision === 'accept' ? { status, percent: report.percent, ...(status === 'completed' ? { completedAt: decided.reviewedAt! } : {}) } : { status },
    );
    await appendAudit(tx, ctx, {
      action: 'plans.task.review',
      targetType: 'task_report',
      targetId: reportId,
      before: { status: 'submitted', taskStatus: task.task.status, percent: task.task.percent },
      after: { status: decided.status, comment: decided.reviewComment, taskStatus: status },
    });
    return decided;
  });
  return toReportDto(reviewed, await filesOf(ctx.db, REPORT_FILE_OWNER, [reviewed.id]));
}

/** 督办: a formal reminder to the unit, to be answered within `respondWithinDays` working days. */
export async function remindTask(ctx: Ctx, calendarOf: CalendarSource, taskId: number, input: { message: string; respondWithinDays: number }): Promise<Reminder> {
  const task = await loadTask(ctx, taskId);
  if (task.task.status === 'completed') throw new AppError('CONFLICT', { message: { zh: '任务已完成，无需督办', en: 'The task is already completed' } });
  const calendar = await calendarOf(ctx);
  const { date: respondBy } = addWorkingDaysOrEstimate(calendar, todayInChina(), input.respondWithinDays);
  return ctx.db.transaction(async (tx) => {
    const reminder = await insertReminder(tx, { taskId, message: input.message, respondBy, createdBy: ctx.actor.username });
    await appendAudit(tx, ctx, { action: 'plans.task.remind', targetType: 'task_reminder', targetId: reminder.id, after: { taskId, deptId: task.task.deptId, message: input.message, respondBy } });
    return toReminderDto(reminder);
  });
}

/**
 * 批量督办: one reminder to each of the tasks chosen, or to every task the list's filters match,
 * all in one transaction with an audit row per reminder. Only tasks in the caller's data scope
 * can be reached: a chosen id outside it (or unknown) is 404 for the whole batch, as the single
 * 督办 would answer, and nothing is sent. Completed tasks are skipped, with the reason. A dry run
 * answers the same outcomes without sending anything (the count a user confirms).
 */
export async function remindTasks(
  ctx: Ctx,
  calendarOf: CalendarSource,
  input: { taskIds?: number[] | undefined; filter?: TaskFilterQuery | undefined; message?: string | undefined; respondWithinDays?: number | undefined; respondBy?: string | undefined; dryRun: boolean },
): Promise<BatchRemindResult> {
  const bad = (path: string, code: string, zh: string, en: string) => new AppError('VALIDATION_FAILED', { details: [{ path, code, message: msg(zh, en) }] });
  if ((input.taskIds === undefined) === (input.filter === undefined)) {
    throw bad('taskIds', 'one_of', '请选择任务，或按筛选条件督办（二者选其一）', 'Give either the chosen tasks or the filters, not both');
  }
  if (input.message === undefined && !input.dryRun) throw bad('message', 'required', '请填写督办事项', 'Write the reminder');
  if (input.respondBy !== undefined && input.respondWithinDays !== undefined) {
    throw bad('respondBy', 'one_of', '答复期限请填写日期或工作日数之一', 'Give the answer date or the number of working days, not both');
  }
  const calendar = await calendarOf(ctx);
  const today = todayInChina();
  if (input.respondBy !== undefined && input.respondBy < today) {
    throw bad('respondBy', 'too_small', `答复期限不能早于今天（${today}）`, `The answer date cannot be before today (${today})`);
  }

  let tasks: TaskJoined[];
  if (input.taskIds) {
    const ids = [...new Set(input.taskIds)];
    tasks = await findTasks(ctx.db, ids, ctx.scope);
    const found = new Set(tasks.map((t) => t.task.id));
    const missing = ids.filter((id) => !found.has(id));
    // Unknown and out-of-scope ids look alike: no existence leak.
    if (missing.length > 0) throw new AppError('NOT_FOUND', { details: { taskIds: missing } });
    const order = new Map(ids.map((id, i) => [id, i]));
    tasks.sort((a, b) => order.get(a.task.id)! - order.get(b.task.id)!);
  } else {
    const horizon = addWorkingDaysOrEstimate(calendar, today, 5).date;
    const page = await listTaskRows(ctx.db, ctx.scope, taskFilter(input.filter!, today, horizon), { offset: 0, limit: BATCH_REMIND_MAX + 1 });
    if (page.total > BATCH_REMIND_MAX) {
      throw new AppError('VALIDATION_FAILED', {
        details: [{ path: 'filter', code: 'too_big', message: msg(`筛选出 ${page.total} 项任务，一次最多督办 ${BATCH_REMIND_MAX} 项，请缩小筛选范围`, `${page.total} tasks match; at most ${BATCH_REMIND_MAX} can be reminded at once — narrow the filters`), total: page.total }],
      });
    }
    tasks = page.rows;
  }

  const { date: respondBy, warning } =
    input.respondBy !== undefined ? { date: input.respondBy, warning: null } : addWorkingDaysOrEstimate(calendar, today, input.respondWithinDays ?? DEFAULT_RESPOND_DAYS);
  const toSend = tasks.filter((t) => t.task.status !== 'completed');
  const sentIds = new Map<number, number>();
  if (!input.dryRun && toSend.length > 0) {
    await ctx.db.transaction(async (tx) => {
      const reminders = await insertReminders(
        tx,
        toSend.map((t) => ({ taskId: t.task.id, message: input.message!, respondBy, createdBy: ctx.actor.username })),
      );
      for (const r of reminders) sentIds.set(r.taskId, r.id);
      for (const t of toSend) {
        await appendAudit(tx, ctx, {
          action: 'plans.task.remind',
          targetType: 'task_reminder',
          targetId: sentIds.get(t.task.id)!,
          after: { taskId: t.task.id, deptId: t.task.deptId, message: input.message, respondBy, batch: true },
        });
      }
    });
  }
  return {
    dryRun: input.dryRun,
    respondBy,
    sent: toSend.length,
    skipped: tasks.length - toSend.length,
    results: tasks.map((t) => {
      const done = t.task.status === 'completed';
      return {
        taskId: t.task.id,
        itemPath: t.itemPath,
        deptName: t.deptName,
        outcome: done ? ('skipped' as const) : ('sent' as const),
        reason: done ? ('completed' as const) : null,
        reminderId: sentIds.get(t.task.id) ?? null,
      };
    }),
    warning: warning && pickLang(warning, ctx.lang),
  };
}

/** Working days a unit has to answer a 督办 unless told otherwise (as the single 督办's default). */
const DEFAULT_RESPOND_DAYS = 3;

/** The unit answers a reminder (once). */
export async function respondToReminder(ctx: Ctx, reminderId: number, input: { response: string }): Promise<Reminder> {
  const reminder = await findReminder(ctx.db, reminderId);
  if (!reminder) throw new AppError('NOT_FOUND');
  const task = await loadTask(ctx, reminder.taskId);
  if (!canReport(ctx, task)) throw new AppError('NOT_YOUR_TASK');
  if (reminder.respondedAt) throw new AppError('REMINDER_ANSWERED');
  return ctx.db.transaction(async (tx) => {
    const answered = await answerReminder(tx, reminderId, { response: input.response, respondedBy: ctx.actor.username });
    if (!answered) throw new AppError('REMINDER_ANSWERED');
    await appendAudit(tx, ctx, { action: 'plans.task.respond', targetType: 'task_reminder', targetId: reminderId, before: { response: null }, after: { response: input.response } });
    return toReminderDto(answered);
  });
}

const TODO_LIMIT = 50;
/** Pending (round, unit) pairs read for the to-do list before keeping those the caller reports for. */
const ROUNDS_SCANNED = 2_000;

/**
 * The caller's to-do list: open tasks in their scope due within `days` working days, overdue ones,
 * unanswered reminders, round reports to write (only for units the caller reports for: the
 * quality office sees every unit's tasks but writes only its own reports), reports to review.
 */
export async function getTodo(ctx: Ctx, calendarOf: CalendarSource, opts: { days: number; canReview: boolean; canReport: boolean }): Promise<Todo> {
  const calendar = await calendarOf(ctx);
  const today = todayInChina();
  const { date: horizon, warning } = addWorkingDaysOrEstimate(calendar, today, opts.days);
  const window = { offset: 0, limit: TODO_LIMIT };
  const [soon, overdue, reminded, toReview, rounds] = await Promise.all([
    listTaskRows(ctx.db, ctx.scope, { dueBetween: { from: today, to: horizon } }, window),
    listTaskRows(ctx.db, ctx.scope, { dueBefore: today }, window),
    listTaskRows(ctx.db, ctx.scope, { withOpenReminders: true }, window),
    opts.canReview ? countReportsToReview(ctx.db, ctx.scope) : Promise.resolve(0),
    opts.canReport ? pendingRoundReports(ctx.db, ctx.scope, horizon, ROUNDS_SCANNED) : Promise.resolve([]),
  ]);
  const dto = (r: TaskJoined) => toTaskDto(r, calendar, today);
  const mine = rounds.filter((r) => mayReportOn({ deptId: ctx.actor.deptId }, ctx.scope, r));
  return {
    days: opts.days,
    dueSoon: soon.rows.map(dto),
    overdue: overdue.rows.map(dto),
    openReminders: reminded.rows.map(dto),
    roundsToReport: mine.slice(0, TODO_LIMIT).map((r) => ({
      roundId: r.roundId,
      planId: r.planId,
      planTitle: r.planTitle,
      name: r.name,
      dueDate: r.dueDate,
      deptId: r.deptId,
      deptName: r.deptName,
      overdue: r.dueDate < today,
    })),
    reportsToReview: toReview,
    totals: { dueSoon: soon.total, overdue: overdue.total, openReminders: reminded.total, roundsToReport: mine.length },
    warning: warning && pickLang(warning, ctx.lang),
  };
}

/** Attachments of progress reports are stored with this owner type. */
const REPORT_FILE_OWNER = 'task_report';

/**
 * Attach a file to a report awaiting review: only the unit that reports on the task may, and only
 * accepted office formats up to the attachment limit.
 */
export async function attachToReport(ctx: Ctx, reportId: number, file: { filename: string; data: Buffer }): Promise<TaskReport> {
  const report = await findReport(ctx.db, reportId);
  if (!report) throw new AppError('NOT_FOUND');
  const task = await loadTask(ctx, report.taskId);
  if (!canReport(ctx, task)) throw new AppError('NOT_YOUR_TASK');
  if (report.status !== 'submitted') throw new AppError('REPORT_DECIDED');
  const filename = cleanFilename(file.filename);
  const mimetype = attachmentMime(filename);
  if (!mimetype) {
    throw new AppError('UNSUPPORTED_FILE_TYPE', {
      message: { zh: `不支持的附件类型，可上传：${ATTACHMENT_EXTENSIONS.join('、')}`, en: `Unsupported attachment type; accepted: ${ATTACHMENT_EXTENSIONS.join(', ')}` },
    });
  }
  await ctx.db.transaction(async (tx) => {
    const meta = await insertFile(tx, {
      ownerType: REPORT_FILE_OWNER,
      ownerId: reportId,
      filename,
      mimetype,
      size: file.data.length,
      sha256: createHash('sha256').update(file.data).digest('hex'),
      data: file.data,
      uploadedBy: ctx.actor.username,
    });
    await appendAudit(tx, ctx, { action: 'plans.report.attach', targetType: 'stored_file', targetId: meta.id, after: { reportId, filename, size: meta.size, sha256: meta.sha256 } });
  });
  return toReportDto(report, await filesOf(ctx.db, REPORT_FILE_OWNER, [reportId]));
}

/** A report attachment, for download by anyone who can see its task. */
export async function getReportAttachment(ctx: Ctx, fileId: number): Promise<StoredFileRow> {
  const file = await findFile(ctx.db, fileId);
  if (!file || file.ownerType !== REPORT_FILE_OWNER) throw new AppError('NOT_FOUND');
  const report = await findReport(ctx.db, file.ownerId);
  if (!report) throw new AppError('NOT_FOUND');
  await loadTask(ctx, report.taskId);
  return file;
}

/**
 * Plan use cases: import a policy document as a draft, review (save the edited draft), publish
 * (items, tasks and indicators as rows, in one transaction with the audit row), delete a draft.
 */
import { createHash } from 'node:crypto';
import { msg } from '../../../../contracts/i18n.js';
import type { Page } from '../../../../contracts/common.js';
import type { Plan, PlanDetail, PlanDraft, PlanListQuery, PublishPlanBody } from '../../../../contracts/plans.js';
import { unmappedNames, walkItems } from '../../../../contracts/plan-draft.js';
import { pageWindow } from '../../db/query-helpers.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import { todayInChina } from '../../platform/calendar/today.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/http/errors.js';
import { readSheet } from '../../platform/excel/excel.js';
import { runInWorker, workerModule } from '../../platform/workers/worker-pool.js';
import { departmentDirectory } from '../system/index.js';
import type { PlanParse } from './parser/index.js';
import type { ParsedDocument } from './parser/plan-document.worker.js';
import { itemsFromSheet, PLAN_SHEET, sheetBody } from './plan-sheet.js';
import {
  deleteDraftPlan,
  findPlan,
  findPlanBySourceHash,
  insertIndicators,
  insertItems,
  insertPlan,
  insertRounds,
  insertTasks,
  listPlans as listPlanRows,
  markPublished,
  planStats,
  updateDraft,
  type NewItem,
  type PlanRow,
  type PlanStats,
} from './plans.repository.js';
import {
  checkDraft,
  completionRate,
  draftFromParse,
  MAX_PLAN_ITEMS,
  MAX_PLAN_TEXT_CHARS,
  movePastDeadlines,
  planSizeProblem,
  publishPreview,
  roundsFromDeadlines,
  suggestUnits,
  tasksOfItem,
} from './plans.rules.js';

function toPlanDto(row: PlanRow, stats: PlanStats): Plan {
  return {
    id: row.id,
    title: row.title,
    docNumber: row.docNumber,
    issuer: row.issuer,
    issuedDate: row.issuedDate,
    status: row.status as Plan['status'],
    sourceName: row.sourceName,
    dueDate: row.dueDate,
    itemCount: row.status === 'published' ? stats.itemCount : [...walkItems(row.draft.items)].length,
    taskCount: stats.taskCount,
    completion: row.status === 'published' ? completionRate(stats.completedTasks, stats.taskCount) : null,
    version: row.version,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
  };
}

async function toDetail(ctx: Ctx, row: PlanRow): Promise<PlanDetail> {
  const [stats, directory] = await Promise.all([planStats(ctx.db, [row.id]), departmentDirectory(ctx.db)]);
  return {
    ...toPlanDto(row, stats.get(row.id)!),
    draft: row.draft,
    body: row.body,
    spans: row.spans,
    warnings: row.warnings,
    unitSuggestions: suggestUnits(row.draft.items, directory),
    publishPreview: row.status === 'draft' ? publishPreview(row.draft, todayInChina()) : null,
  };
}

export async function listPlans(ctx: Ctx, q: PlanListQuery): Promise<Page<Plan>> {
  const { rows, total } = await listPlanRows(ctx.db, q, pageWindow(q.page, q.pageSize));
  const stats = await planStats(ctx.db, rows.map((r) => r.id));
  return { items: rows.map((r) => toPlanDto(r, stats.get(r.id)!)), total, page: q.page, pageSize: q.pageSize };
}

export async function getPlan(ctx: Ctx, id: number): Promise<PlanDetail> {
  const row = await findPlan(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  return toDetail(ctx, row);
}

/**
 * Keep an imported plan as a draft. The same source (same normalised text) imported again, by
 * anyone, finds the plan already made from it instead of creating a second one: `created: false`.
 */
/** Refuse (422) a plan too large to be an action plan, on every path that stores a draft. */
function assertPlanSize(body: string, draft: PlanDraft): void {
  const problem = planSizeProblem(body, draft);
  if (!problem) return;
  const { chars, items } = problem;
  throw new AppError('FILE_TOO_COMPLEX', {
    message: {
      zh: `内容过长，不像一份行动计划（${chars.toLocaleString('en-US')} 字、${items} 个条目；上限 ${MAX_PLAN_TEXT_CHARS.toLocaleString('en-US')} 字、${MAX_PLAN_ITEMS} 个条目），请拆分后导入`,
      en: `Too long for an action plan (${chars} characters, ${items} items; at most ${MAX_PLAN_TEXT_CHARS} and ${MAX_PLAN_ITEMS}); split it and retry`,
    },
    details: { ...problem, maxChars: MAX_PLAN_TEXT_CHARS, maxItems: MAX_PLAN_ITEMS },
  });
}

async function saveImportedDraft(
  ctx: Ctx,
  source: { body: string; spans: Record<string, { start: number; end: number }>; warnings: string[]; sourceName: string | null },
  makeDraft: (directory: Awaited<ReturnType<typeof departmentDirectory>>) => PlanDraft,
): Promise<{ plan: PlanDetail; created: boolean }> {
  const sourceHash = createHash('sha256').update(source.body).digest('hex');
  const existing = await findPlanBySourceHash(ctx.db, sourceHash);
  if (existing) return { plan: await toDetail(ctx, existing), created: false };
  const draft = makeDraft(await departmentDirectory(ctx.db));
  assertPlanSize(source.body, draft);
  const row = await ctx.db.transaction(async (tx) => {
    const created = await insertPlan(tx, {
      title: draft.title,
      docNumber: draft.docNumber,
      issuer: draft.issuer,
      issuedDate: draft.issuedDate,
      sourceName: source.sourceName,
      sourceHash,
      body: source.body,
      spans: source.spans,
      warnings: source.warnings,
      draft,
      dueDate: draft.dueDate,
      createdBy: ctx.actor.username,
    });
    await appendAudit(tx, ctx, {
      action: 'plans.plan.import',
      targetType: 'plan',
      targetId: created.id,
      after: { title: draft.title, docNumber: draft.docNumber, sourceName: source.sourceName, items: [...walkItems(draft.items)].length, warnings: source.warnings },
    });
    return created;
  });
  return { plan: await toDetail(ctx, row), created: true };
}

/** The plan parser's worker functions (parsing is CPU-bound: it runs off the event loop). */
const PLAN_WORKER = workerModule(import.meta.url, './parser/plan-document.worker');

/** Parse pasted text and keep it as a draft. */
export async function importPlan(ctx: Ctx, input: { text: string; sourceName: string | null }): Promise<{ plan: PlanDetail; created: boolean }> {
  const parse = await runInWorker<PlanParse>(PLAN_WORKER, 'parseText', { text: input.text });
  return importParsedPlan(ctx, parse, input.sourceName);
}

/** Keep a parsed document as a draft (the same text again returns the existing draft). */
async function importParsedPlan(ctx: Ctx, parse: PlanParse, sourceName: string | null): Promise<{ plan: PlanDetail; created: boolean }> {
  return saveImportedDraft(ctx, { body: parse.body, spans: parse.spans, warnings: parse.plan.warnings, sourceName }, (directory) =>
    draftFromParse(parse.plan, directory, todayInChina()),
  );
}

/**
 * Import a task list kept in Excel (责任清单/任务清单) as a draft titled after the file. Any bad row
 * rejects the whole file with every row's errors (400), so nothing half-imported is left behind.
 */
export async function importPlanSheet(ctx: Ctx, input: { data: Buffer; sourceName: string }): Promise<{ plan: PlanDetail; created: boolean }> {
  const rows = await readSheet(input.data, PLAN_SHEET, MAX_SHEET_ROWS);
  const { items, targets, errors } = itemsFromSheet(rows);
  if (errors.length > 0) {
    throw new AppError('IMPORT_INVALID', {
      message: { zh: `任务清单有 ${errors.length} 处错误，未导入`, en: `The task list has ${errors.length} error(s); nothing was imported` },
      details: { errors },
    });
  }
  if (items.length === 0) {
    throw new AppError('IMPORT_INVALID', { message: { zh: '任务清单没有任何条目', en: 'The task list has no items' }, details: { errors: [] } });
  }
  const title = input.sourceName.replace(/\.xlsx$/i, '').trim() || '任务清单';
  const { body, spans } = sheetBody(items);
  return saveImportedDraft(ctx, { body: `${title}\n${body}`, spans: shiftSpans(spans, title.length + 1), warnings: [], sourceName: input.sourceName }, (directory) => {
    const parsed = { title, docNumber: null, issuer: null, issuedDate: null, items, targets, deadlines: [], units: [], warnings: [] };
    const draft = draftFromParse(parsed, directory, todayInChina());
    // Due dates come from the sheet, item by item.
    return { ...draft, items };
  });
}

/**
 * An uploaded file as a draft: an Excel task list (.xlsx) row by row, a document (.txt/.docx) by
 * parsing its text. Other types, broken Word files and oversized archives are refused.
 */
export async function importPlanFile(ctx: Ctx, file: { filename: string; data: Buffer; mimetype: string }): Promise<{ plan: PlanDetail; created: boolean }> {
  if (/\.xlsx$/i.test(file.filename)) return importPlanSheet(ctx, { data: file.data, sourceName: file.filename });
  const parsed = await runInWorker<ParsedDocument>(PLAN_WORKER, 'parseDocument', { filename: file.filename, data: file.data, mimetype: file.mimetype });
  if (!parsed.ok) {
    throw new AppError(parsed.code === 'FILE_TOO_LARGE' ? 'PAYLOAD_TOO_LARGE' : parsed.code, { message: { zh: parsed.message, en: parsed.messageEn } });
  }
  return importParsedPlan(ctx, parsed.parse, file.filename);
}

/** Rows per task-list import: a city plan has tens to hundreds of items. */
const MAX_SHEET_ROWS = 5000;

function shiftSpans(spans: Record<string, { start: number; end: number }>, by: number): Record<string, { start: number; end: number }> {
  return Object.fromEntries(Object.entries(spans).map(([k, v]) => [k, { start: v.start + by, end: v.end + by }]));
}

async function loadDraft(ctx: Ctx, id: number, version: number): Promise<PlanRow> {
  const row = await findPlan(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  if (row.status !== 'draft') throw new AppError('PLAN_PUBLISHED');
  if (row.version !== version) throw new AppError('CONFLICT', { details: { currentVersion: row.version } });
  return row;
}

export async function savePlanDraft(ctx: Ctx, id: number, input: { version: number; draft: PlanDraft }): Promise<PlanDetail> {
  const before = await loadDraft(ctx, id, input.version);
  assertPlanSize(before.body, input.draft);
  const directory = await departmentDirectory(ctx.db);
  const issues = checkDraft(input.draft, new Set(directory.map((d) => d.id)));
  if (issues.length > 0) {
    throw new AppError('VALIDATION_FAILED', { details: issues.map((i) => ({ path: `draft.${i.path}`, code: 'draft', message: i.message })) });
  }
  const row = await ctx.db.transaction(async (tx) => {
    const saved = await updateDraft(tx, id, input.version, input.draft);
    if (!saved) throw new AppError('CONFLICT');
    await appendAudit(tx, ctx, { action: 'plans.plan.save', targetType: 'plan', targetId: id, before: { version: before.version, draft: before.draft }, after: { version: saved.version, draft: saved.draft } });
    return saved;
  });
  return toDetail(ctx, row);
}

/** The draft's items as rows, parents before children, with their document order. */
function itemRows(draft: PlanDraft): NewItem[] {
  const rows: NewItem[] = [];
  const visit = (items: PlanDraft['items'], parentPath: string | null) => {
    for (const item of items) {
      rows.push({ path: item.path, parentPath, level: item.level, number: item.number, heading: item.heading, text: item.text, sort: rows.length, dueDate: item.dueDate });
      visit(item.children, item.path);
    }
  };
  visit(draft.items, null);
  return rows;
}

/** `pastDue`/`moveTo` that do not fit together, as validation details (empty when they fit). */
function pastDueProblems(input: PublishPlanBody, today: string): { path: string; code: string; message: ReturnType<typeof msg> }[] {
  if (input.pastDue === 'move' && input.moveTo === undefined) {
    return [{ path: 'moveTo', code: 'required', message: msg('顺延已过的期限时，请选择顺延到的日期', 'Choose the date past deadlines move to') }];
  }
  if (input.pastDue === 'move' && input.moveTo! < today) {
    return [{ path: 'moveTo', code: 'too_small', message: msg(`顺延日期不能早于今天（${today}）`, `The new date cannot be before today (${today})`) }];
  }
  if (input.pastDue !== 'move' && input.moveTo !== undefined) {
    return [{ path: 'moveTo', code: 'unexpected', message: msg('只有选择顺延时才填写顺延日期', 'A new date is only given when moving past deadlines') }];
  }
  return [];
}

/**
 * Publish a reviewed draft: one task per item and responsible department (its role kept), due on
 * the item's date or the plan's; targets become indicators. Every printed unit name must be mapped
 * or explicitly ignored first. When deadlines have already passed, publishing would create tasks
 * (or reporting rounds) overdue from the start: the caller must say so — keep them, or move every
 * past date to `moveTo` — else 409 PLAN_DEADLINES_PASSED with what would be overdue. Publishing
 * twice is a 409.
 */
export async function publishPlan(ctx: Ctx, id: number, input: PublishPlanBody): Promise<{ plan: Plan; tasksCreated: number; indicatorsCreated: number; overdueTasks: number; movedTasks: number }> {
  const row = await loadDraft(ctx, id, input.version);
  const unmapped = unmappedNames(row.draft);
  if (unmapped.length > 0) {
    throw new AppError('UNITS_UNMAPPED', {
      details: unmapped.map((name) => ({ path: 'unitMappings', code: 'unmapped', message: msg(`「${name}」未对应到部门`, `${name} is not mapped to a department`), name })),
    });
  }
  const today = todayInChina();
  const problems = pastDueProblems(input, today);
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', { details: problems });
  const preview = publishPreview(row.draft, today);
  const pastDue = preview.overdue.tasks > 0 || preview.overdue.rounds > 0;
  if (pastDue && input.pastDue === undefined) throw new AppError('PLAN_DEADLINES_PASSED', { details: preview });
  const moving = pastDue && input.pastDue === 'move';
  const draft = moving ? movePastDeadlines(row.draft, today, input.moveTo!) : row.draft;

  const directory = await departmentDirectory(ctx.db);
  const districtOf = new Map(directory.map((d) => [d.id, d.districtCode]));
  const mappings = new Map(draft.unitMappings.map((m) => [m.name, m]));
  const items = itemRows(draft);
  const dueOf = new Map(items.map((i) => [i.path, i.dueDate ?? draft.dueDate]));

  const result = await ctx.db.transaction(async (tx) => {
    const published = await markPublished(tx, id, input.version, ctx.actor.username, moving ? draft : null);
    if (!published) throw new AppError('PLAN_PUBLISHED');
    const itemIds = await insertItems(tx, id, items);
    const tasks = [...walkItems(draft.items)].flatMap((item) =>
      tasksOfItem(item, mappings).map((t) => ({
        planId: id,
        itemId: itemIds.get(item.path)!,
        deptId: t.deptId,
        districtCode: districtOf.get(t.deptId) ?? null,
        role: t.role,
        dueDate: dueOf.get(item.path)!,
      })),
    );
    await insertTasks(tx, tasks);
    const indicators = draft.targets.map((t) => ({
      planId: id,
      itemId: itemIds.get(t.path) ?? null,
      name: t.indicator.slice(0, 200),
      comparator: t.comparator,
      targetValue: t.value,
      unit: t.unit,
      targetYear: t.year,
      sentence: t.sentence,
    }));
    await insertIndicators(tx, indicators);
    const rounds = roundsFromDeadlines(draft.deadlines, draft.dueDate).map((r) => ({ ...r, planId: id }));
    await insertRounds(tx, rounds);
    const overdueTasks = tasks.filter((t) => t.dueDate < today).length;
    await appendAudit(tx, ctx, {
      action: 'plans.plan.publish',
      targetType: 'plan',
      targetId: id,
      before: { status: 'draft', version: row.version, ...(moving ? { dueDate: row.draft.dueDate } : {}) },
      after: {
        status: 'published',
        version: published.version,
        items: items.length,
        tasks: tasks.length,
        indicators: indicators.length,
        rounds: rounds.length,
        // What the publisher decided about deadlines already past, and on which day.
        ...(pastDue ? { pastDue: { action: input.pastDue, moveTo: input.moveTo ?? null, today, overdueTasks: preview.overdue.tasks, overdueRounds: preview.overdue.rounds } } : {}),
        ...(moving ? { dueDate: draft.dueDate } : {}),
      },
    });
    return { published, tasksCreated: tasks.length, indicatorsCreated: indicators.length, overdueTasks };
  });
  const stats = await planStats(ctx.db, [id]);
  return {
    plan: toPlanDto(result.published, stats.get(id)!),
    tasksCreated: result.tasksCreated,
    indicatorsCreated: result.indicatorsCreated,
    overdueTasks: result.overdueTasks,
    movedTasks: moving ? preview.overdue.tasks : 0,
  };
}

export async function deletePlanDraft(ctx: Ctx, id: number): Promise<void> {
  const row = await findPlan(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  if (row.status !== 'draft') throw new AppError('PLAN_PUBLISHED');
  await ctx.db.transaction(async (tx) => {
    if (!(await deleteDraftPlan(tx, id))) throw new AppError('PLAN_PUBLISHED');
    await appendAudit(tx, ctx, { action: 'plans.plan.delete', targetType: 'plan', targetId: id, before: { title: row.title, docNumber: row.docNumber, version: row.version } });
  });
}

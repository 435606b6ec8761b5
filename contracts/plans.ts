/**
 * Action plans (行动计划): the structured plan the policy-document parser returns. The shape is
 * fixed by issue 3 — `npx zhiliang plan parse <file> --json` prints exactly this, and tests and
 * tooling depend on it.
 */
import { z } from 'zod';
import { isoDate } from './common.js';
import { dictValues } from './dicts.js';

/** How a responsible unit takes part in an item: 牵头 (lead), 配合 (support), 按职责分工/共同负责 (joint). */
export const UNIT_ROLES = dictValues('plan_unit_role');
export type UnitRole = (typeof UNIT_ROLES)[number];

/**
 * Comparators of a quantitative target. `x` is a multiple of a baseline (翻一番 = x 2);
 * `+%` a relative increase in percent (提高60%以上 = +% 60); `+` an increase by an amount in the
 * target's unit (增加8项 = + 8, 下降2个百分点 = + -2).
 */
export const TARGET_COMPARATORS = ['>=', '<=', '=', '>', '<', 'x', '+%', '+'] as const;
export type TargetComparator = (typeof TARGET_COMPARATORS)[number];

/**
 * The value a target asks for: the target itself, or — for 翻一番 (x 2) and 提高 60% (+% 60) —
 * the baseline scaled. Null when a relative target has no baseline yet. (Shared by the server's
 * attainment rules and the web's display of targets.)
 */
export function requiredValue(t: { comparator: TargetComparator; targetValue: number; baseline: number | null }): number | null {
  if (t.comparator === 'x') return t.baseline === null ? null : t.baseline * t.targetValue;
  if (t.comparator === '+%') return t.baseline === null ? null : t.baseline * (1 + t.targetValue / 100);
  if (t.comparator === '+') return t.baseline === null ? null : t.baseline + t.targetValue;
  return t.targetValue;
}

export interface ParsedItem {
  /** Numbering tokens joined by '/', ASCII parentheses: 一/(一), 二/(三)/6. */
  path: string;
  level: 1 | 2 | 3 | 4;
  /** The numbering token as printed, normalised: 一, (一), 6, (1). */
  number: string;
  /** The lead phrase up to the first 。 when the item opens with one (大力推动品牌建设), else null. */
  heading: string | null;
  /** The item's own text (without its children), units clause included. */
  text: string;
  lead: string[];
  support: string[];
  joint: string[];
  children: ParsedItem[];
}

export const parsedItemSchema: z.ZodType<ParsedItem> = z.lazy(() =>
  z.object({
    path: z.string(),
    level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    number: z.string(),
    heading: z.string().nullable(),
    text: z.string(),
    lead: z.array(z.string()),
    support: z.array(z.string()),
    joint: z.array(z.string()),
    children: z.array(parsedItemSchema),
  }),
  // Named: a recursive schema is a `$ref` to itself, which resolves only as a component of the OpenAPI document.
).meta({ id: 'ParsedPlanItem' });

/**
 * Where text that belongs to no item stands: before the first item (the notice, the preamble) or
 * after the last (the closing paragraphs: 各区、各部门于…前报送…). Set only for such text; drafts
 * saved before it existed lack it.
 */
export const OUTSIDE_ITEM_POSITIONS = ['preamble', 'closing'] as const;

export const parsedTargetSchema = z.object({
  /** The item the sentence belongs to ('' for text outside the items, see `position`). */
  path: z.string(),
  position: z.enum(OUTSIDE_ITEM_POSITIONS).optional(),
  indicator: z.string(),
  comparator: z.enum(TARGET_COMPARATORS),
  value: z.number(),
  unit: z.string().nullable(),
  year: z.number().int().nullable(),
  sentence: z.string(),
});
export type ParsedTarget = z.infer<typeof parsedTargetSchema>;

export const parsedDeadlineSchema = z.object({
  /** The item the sentence belongs to (null for text outside the items, see `position`). */
  path: z.string().nullable(),
  position: z.enum(OUTSIDE_ITEM_POSITIONS).optional(),
  date: z.string(),
  sentence: z.string(),
});
export type ParsedDeadline = z.infer<typeof parsedDeadlineSchema>;

export const parsedPlanSchema = z.object({
  title: z.string(),
  docNumber: z.string().nullable(),
  issuer: z.string().nullable(),
  issuedDate: z.string().nullable(),
  items: z.array(parsedItemSchema),
  targets: z.array(parsedTargetSchema),
  deadlines: z.array(parsedDeadlineSchema),
  /** Every unit named in the document, with the number of items that name it. */
  units: z.array(z.object({ name: z.string(), items: z.number().int() })),
  warnings: z.array(z.string()),
});
export type ParsedPlan = z.infer<typeof parsedPlanSchema>;

// ─── Plans as stored: draft, review and publish ─────────────────────────────────────────────────

export const PLAN_STATUSES = dictValues('plan_status');
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** An item of a plan under review: the parsed item plus an optional due date for its tasks. */
export interface DraftItem extends Omit<ParsedItem, 'children'> {
  /** Overrides the plan's due date for this item's tasks. */
  dueDate: string | null;
  children: DraftItem[];
}

const TEXT_MAX = 20_000;
const unitName = z.string().trim().min(1).max(100);

export const draftItemSchema: z.ZodType<DraftItem> = z.lazy(() =>
  z.strictObject({
    path: z.string().trim().min(1).max(100),
    level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    number: z.string().trim().max(20),
    heading: z.string().trim().max(200).nullable(),
    text: z.string().max(TEXT_MAX),
    lead: z.array(unitName).max(50),
    support: z.array(unitName).max(50),
    joint: z.array(unitName).max(50),
    dueDate: isoDate.nullable(),
    children: z.array(draftItemSchema).max(500),
  }),
).meta({ id: 'PlanDraftItem' });

/**
 * How a name printed in the document maps to the department directory. One name can stand for
 * several departments (各区人民政府 → every district government); `deptIds: []` with
 * `ignored: true` drops the name (e.g. a body outside the system).
 */
export const unitMappingSchema = z.strictObject({
  name: unitName,
  deptIds: z.array(z.number().int().positive()).max(100),
  ignored: z.boolean().default(false),
});
export type UnitMapping = z.infer<typeof unitMappingSchema>;

export const planDraftSchema = z.strictObject({
  title: z.string().trim().min(1).max(200),
  docNumber: z.string().trim().max(100).nullable(),
  issuer: z.string().trim().max(200).nullable(),
  issuedDate: isoDate.nullable(),
  /** When tasks fall due unless an item says otherwise. */
  dueDate: isoDate,
  items: z.array(draftItemSchema).max(2000),
  targets: z.array(parsedTargetSchema).max(2000),
  deadlines: z.array(parsedDeadlineSchema).max(200),
  unitMappings: z.array(unitMappingSchema).max(500),
});
export type PlanDraft = z.infer<typeof planDraftSchema>;

/** What the directory says about a printed unit name. */
export const UNIT_MATCH_STATUSES = ['matched', 'ambiguous', 'unknown'] as const;
export const unitSuggestionSchema = z.object({
  name: z.string(),
  items: z.number().int(),
  status: z.enum(UNIT_MATCH_STATUSES),
  candidates: z.array(z.object({ deptId: z.number().int(), name: z.string() })),
});
export type UnitSuggestion = z.infer<typeof unitSuggestionSchema>;

export const planSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  docNumber: z.string().nullable(),
  issuer: z.string().nullable(),
  issuedDate: z.string().nullable(),
  status: z.enum(PLAN_STATUSES),
  sourceName: z.string().nullable(),
  dueDate: z.string(),
  itemCount: z.number().int(),
  taskCount: z.number().int(),
  /** Share of tasks completed (0–100), null before publishing. */
  completion: z.number().nullable(),
  version: z.number().int(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
});
export type Plan = z.infer<typeof planSchema>;

/**
 * What publishing a draft would create as of `today`, and how much of it would be overdue at once
 * (a plan from an earlier year, or deadlines that passed during review): shown before publishing,
 * and the reason publishing asks for `pastDue` (409 PLAN_DEADLINES_PASSED without it).
 */
export const publishPreviewSchema = z.object({
  today: z.string(),
  tasks: z.number().int(),
  rounds: z.number().int(),
  overdue: z.object({
    /** Tasks whose due date is before today. */
    tasks: z.number().int(),
    /** Reporting rounds (报送节点) whose date is before today. */
    rounds: z.number().int(),
    /** The earliest past due dates, oldest first, each with its tasks and (the first few of) its items. */
    earliest: z.array(z.object({ dueDate: z.string(), tasks: z.number().int(), items: z.number().int(), paths: z.array(z.string()) })),
  }),
});
export type PublishPreview = z.infer<typeof publishPreviewSchema>;

export const planDetailSchema = planSchema.extend({
  draft: planDraftSchema,
  /** The normalised document text, and where each item came from in it (for highlighting). */
  body: z.string(),
  spans: z.record(z.string(), z.object({ start: z.number().int(), end: z.number().int() })),
  warnings: z.array(z.string()),
  unitSuggestions: z.array(unitSuggestionSchema),
  /** For a draft, what publishing it today would create; null once published. */
  publishPreview: publishPreviewSchema.nullable(),
});
export type PlanDetail = z.infer<typeof planDetailSchema>;

export const planListQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  keyword: z.string().trim().max(100).optional(),
  status: z.enum(PLAN_STATUSES).optional(),
});
export type PlanListQuery = z.infer<typeof planListQuery>;
export const planListResponse = z.object({ items: z.array(planSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

/** Paste text instead of uploading a file. */
export const importPlanTextBody = z.strictObject({
  text: z.string().min(1).max(2_000_000),
  sourceName: z.string().trim().max(200).nullable().optional(),
});
export const saveDraftBody = z.strictObject({ version: z.number().int().min(1), draft: planDraftSchema });
/**
 * Deadlines already past when a plan is published: `keep` them (those tasks are overdue at once)
 * or `move` every past date (plan, items, reporting rounds) to `moveTo`, today or later. Required
 * when any task would be overdue at once.
 */
export const PAST_DUE_ACTIONS = ['keep', 'move'] as const;
export const publishPlanBody = z.strictObject({
  version: z.number().int().min(1),
  pastDue: z.enum(PAST_DUE_ACTIONS).optional(),
  moveTo: isoDate.optional(),
});
export type PublishPlanBody = z.infer<typeof publishPlanBody>;
export const publishPlanResponse = z.object({
  plan: planSchema,
  tasksCreated: z.number().int(),
  indicatorsCreated: z.number().int(),
  /** Tasks created already overdue (kept past deadlines), and tasks whose past deadline was moved. */
  overdueTasks: z.number().int(),
  movedTasks: z.number().int(),
});

// ─── Tasks, progress reports and 督办 ─────────────────────────────────────────────────────────────

/**
 * pending: nothing reported yet · submitted: a report awaits review · returned: the last report
 * was sent back · in_progress: accepted, not finished · completed: accepted at 100 %.
 */
export const TASK_STATUSES = dictValues('plan_task_status');
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const REPORT_STATUSES = dictValues('plan_report_status');

export const taskSchema = z.object({
  id: z.number().int(),
  planId: z.number().int(),
  planTitle: z.string(),
  itemPath: z.string(),
  itemHeading: z.string().nullable(),
  itemText: z.string(),
  deptId: z.number().int(),
  deptName: z.string(),
  districtCode: z.string().nullable(),
  role: z.enum(UNIT_ROLES),
  dueDate: z.string(),
  status: z.enum(TASK_STATUSES),
  percent: z.number().int(),
  /** Working days left until the due date (negative when overdue; null once completed). */
  workingDaysLeft: z.number().int().nullable(),
  overdue: z.boolean(),
  lastReportAt: z.string().nullable(),
  openReminders: z.number().int(),
});
export type Task = z.infer<typeof taskSchema>;

export const TASK_DUE_FILTERS = ['soon', 'overdue'] as const;
/** The task list's filters: shared by the list, its export and 督办 of "all that match". */
const taskFilterFields = {
  /** Words of the item (its text, heading, number) or the plan's title — not the unit's name. */
  keyword: z.string().trim().max(100).optional(),
  planId: z.coerce.number().int().positive().optional(),
  /** The responsible unit (责任单位), whatever its role. */
  deptId: z.coerce.number().int().positive().optional(),
  /** The unit's role: 牵头, 配合 or 按职责分工. */
  role: z.enum(UNIT_ROLES).optional(),
  status: z.enum(TASK_STATUSES).optional(),
  due: z.enum(TASK_DUE_FILTERS).optional(),
  /** `open`: only tasks with a reminder (督办) not yet answered. */
  reminders: z.enum(['open']).optional(),
};
export const taskFilterSchema = z.strictObject(taskFilterFields);
export type TaskFilterQuery = z.infer<typeof taskFilterSchema>;
export const taskListQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  ...taskFilterFields,
});
export type TaskListQuery = z.infer<typeof taskListQuery>;

/** The units (责任单位) holding tasks in the caller's scope, for the unit filter. */
export const taskUnitsQuery = z.strictObject({ planId: z.coerce.number().int().positive().optional() });
export const taskUnitsResponse = z.object({
  items: z.array(z.object({ deptId: z.number().int(), deptName: z.string(), districtCode: z.string().nullable(), tasks: z.number().int() })),
});
export type TaskUnit = z.infer<typeof taskUnitsResponse>['items'][number];
export const taskListResponse = z.object({ items: z.array(taskSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const attachmentSchema = z.object({
  id: z.number().int(),
  filename: z.string(),
  mimetype: z.string(),
  size: z.number().int(),
  uploadedBy: z.string(),
  uploadedAt: z.string(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const taskReportSchema = z.object({
  id: z.number().int(),
  taskId: z.number().int(),
  text: z.string(),
  percent: z.number().int(),
  indicatorValues: z.array(z.object({ indicatorId: z.number().int(), value: z.number() })),
  attachments: z.array(attachmentSchema),
  status: z.enum(REPORT_STATUSES),
  submittedBy: z.string(),
  /** The submitter's name and unit, when the account still exists. */
  submittedByName: z.string().nullable(),
  submittedAt: z.string(),
  reviewComment: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
});
export type TaskReport = z.infer<typeof taskReportSchema>;

export const reminderSchema = z.object({
  id: z.number().int(),
  taskId: z.number().int(),
  message: z.string(),
  respondBy: z.string(),
  createdBy: z.string(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  response: z.string().nullable(),
  respondedAt: z.string().nullable(),
});
export type Reminder = z.infer<typeof reminderSchema>;

export const taskDetailSchema = taskSchema.extend({
  reports: z.array(taskReportSchema),
  reminders: z.array(reminderSchema),
  /** Whether the caller may report on this task (it belongs to their unit). */
  canReport: z.boolean(),
  /** The plan's indicators, which a report may give values for. */
  planIndicators: z.array(z.object({ id: z.number().int(), name: z.string(), comparator: z.enum(TARGET_COMPARATORS), targetValue: z.number(), unit: z.string().nullable() })),
});
export type TaskDetail = z.infer<typeof taskDetailSchema>;

const reportedValue = z.strictObject({ indicatorId: z.number().int().positive(), value: z.number().finite() });
export const submitReportBody = z.strictObject({
  text: z.string().trim().min(1).max(TEXT_MAX),
  percent: z.number().int().min(0).max(100),
  /** Values of the plan's indicators reached, recorded when the report is accepted. */
  indicatorValues: z.array(reportedValue).max(50).default([]),
});
export const REVIEW_DECISIONS = ['accept', 'return'] as const;
export const reviewReportBody = z.strictObject({
  decision: z.enum(REVIEW_DECISIONS),
  comment: z.string().trim().max(2000).nullable().optional(),
});
export const remindTaskBody = z.strictObject({
  message: z.string().trim().min(1).max(2000),
  /** Working days the unit has to respond (默认 3 个工作日). */
  respondWithinDays: z.number().int().min(1).max(60).default(3),
});
export const respondReminderBody = z.strictObject({ response: z.string().trim().min(1).max(2000) });

/** Tasks one batch 督办 reaches at most: a city plan's tasks, with room. */
export const BATCH_REMIND_MAX = 1000;
/**
 * 批量督办: one reminder to each task chosen (`taskIds`) or to every task the list's filters match
 * (`filter`) — exactly one of the two — in the caller's scope. The units answer by `respondBy`, or
 * within `respondWithinDays` working days (3 unless said). `dryRun` counts and checks, sends nothing.
 */
export const batchRemindBody = z.strictObject({
  taskIds: z.array(z.number().int().positive()).min(1).max(BATCH_REMIND_MAX).optional(),
  filter: taskFilterSchema.optional(),
  /** Required to send; a dry run may go without it. */
  message: z.string().trim().min(1).max(2000).optional(),
  respondWithinDays: z.number().int().min(1).max(60).optional(),
  respondBy: isoDate.optional(),
  dryRun: z.boolean().default(false),
});
export type BatchRemindBody = z.input<typeof batchRemindBody>;
/** sent: a reminder went (or, in a dry run, would go) to the task's unit; skipped: see `reason`. */
export const BATCH_REMIND_OUTCOMES = ['sent', 'skipped'] as const;
/** Why a task was skipped: it is completed already. */
export const BATCH_REMIND_SKIP_REASONS = ['completed'] as const;
export const batchRemindResponse = z.object({
  dryRun: z.boolean(),
  respondBy: z.string(),
  sent: z.number().int(),
  skipped: z.number().int(),
  results: z.array(
    z.object({
      taskId: z.number().int(),
      itemPath: z.string(),
      deptName: z.string(),
      outcome: z.enum(BATCH_REMIND_OUTCOMES),
      reason: z.enum(BATCH_REMIND_SKIP_REASONS).nullable(),
      reminderId: z.number().int().nullable(),
    }),
  ),
  /** Set when the answer date runs through a year whose holiday notice is not loaded. */
  warning: z.string().nullable(),
});
export type BatchRemindResult = z.infer<typeof batchRemindResponse>;

/** The caller's to-do list: tasks of their units falling due within `days` working days, overdue ones, reports to review. */
export const todoQuery = z.strictObject({ days: z.coerce.number().int().min(1).max(60).default(5) });
/** A round report (报送节点) a unit the caller acts for has not sent yet, due within the to-do window or overdue. */
export const roundToReportSchema = z.object({
  roundId: z.number().int(),
  planId: z.number().int(),
  planTitle: z.string(),
  name: z.string(),
  dueDate: z.string(),
  deptId: z.number().int(),
  deptName: z.string(),
  overdue: z.boolean(),
});
export type RoundToReport = z.infer<typeof roundToReportSchema>;
export const todoResponse = z.object({
  days: z.number().int(),
  dueSoon: z.array(taskSchema),
  overdue: z.array(taskSchema),
  openReminders: z.array(taskSchema),
  /** Round reports to write (报送), earliest first. */
  roundsToReport: z.array(roundToReportSchema),
  reportsToReview: z.number().int(),
  /** How many there are in all (the lists above show the first 50). */
  totals: z.object({ dueSoon: z.number().int(), overdue: z.number().int(), openReminders: z.number().int(), roundsToReport: z.number().int() }),
  /** Set when the working-day calendar does not cover the period (e.g. next year not yet loaded). */
  warning: z.string().nullable(),
});
export type Todo = z.infer<typeof todoResponse>;

// ─── Indicators and the dashboard ────────────────────────────────────────────────────────────────

/** Where an indicator value came from: manual entry now; other modules register their own keys. */
export const indicatorValueSchema = z.object({
  id: z.number().int(),
  value: z.number(),
  asOf: z.string(),
  source: z.string(),
  note: z.string().nullable(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type IndicatorValue = z.infer<typeof indicatorValueSchema>;

export const indicatorSchema = z.object({
  id: z.number().int(),
  planId: z.number().int(),
  planTitle: z.string(),
  itemPath: z.string().nullable(),
  name: z.string(),
  comparator: z.enum(TARGET_COMPARATORS),
  targetValue: z.number(),
  unit: z.string().nullable(),
  targetYear: z.number().int().nullable(),
  /** Needed by 翻一番 (x) and 提高…% (+%) targets, which are relative to it. */
  baseline: z.number().nullable(),
  sentence: z.string(),
  latest: indicatorValueSchema.nullable(),
  /** Whether the latest value meets the target (null: no value yet, or a relative target without baseline). */
  attained: z.boolean().nullable(),
  /** How far the latest value has come towards the target, 0–100. */
  progress: z.number().nullable(),
});
export type Indicator = z.infer<typeof indicatorSchema>;

export const indicatorListQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  keyword: z.string().trim().max(100).optional(),
  planId: z.coerce.number().int().positive().optional(),
});
export type IndicatorListQuery = z.infer<typeof indicatorListQuery>;
export const indicatorListResponse = z.object({ items: z.array(indicatorSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export const indicatorDetailSchema = indicatorSchema.extend({ values: z.array(indicatorValueSchema) });
export type IndicatorDetail = z.infer<typeof indicatorDetailSchema>;

export const recordIndicatorValueBody = z.strictObject({
  value: z.number().finite(),
  asOf: isoDate,
  note: z.string().trim().max(500).nullable().optional(),
});
export const setIndicatorBaselineBody = z.strictObject({ baseline: z.number().finite().nullable() });

export const dashboardQuery = z.strictObject({ planId: z.coerce.number().int().positive().optional() });
const completionRow = {
  tasks: z.number().int(),
  completed: z.number().int(),
  overdue: z.number().int(),
  /** completed / tasks, percent with one decimal. */
  completion: z.number(),
};
export const dashboardSchema = z.object({
  totals: z.object({ plans: z.number().int(), tasks: z.number().int(), completed: z.number().int(), overdue: z.number().int(), awaitingReview: z.number().int() }),
  byStatus: z.array(z.object({ status: z.enum(TASK_STATUSES), count: z.number().int() })),
  byUnit: z.array(z.object({ deptId: z.number().int(), deptName: z.string(), ...completionRow })),
  byDistrict: z.array(z.object({ districtCode: z.string(), districtName: z.string(), ...completionRow })),
  indicators: z.array(indicatorSchema),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

// ─── Reporting rounds ────────────────────────────────────────────────────────────────────────────

export const ROUND_UNIT_STATUSES = ['submitted', 'late', 'pending', 'overdue'] as const;
export const roundSchema = z.object({
  id: z.number().int(),
  planId: z.number().int(),
  name: z.string(),
  dueDate: z.string(),
  /** To whom the report goes, when the document says (报市质量工作领导小组办公室). */
  recipient: z.string().nullable(),
  sentence: z.string().nullable(),
  /** Each responsible unit (in the caller's scope) and whether it has sent this round's report. */
  units: z.array(
    z.object({
      deptId: z.number().int(),
      deptName: z.string(),
      status: z.enum(ROUND_UNIT_STATUSES),
      submittedAt: z.string().nullable(),
      submittedBy: z.string().nullable(),
      text: z.string().nullable(),
    }),
  ),
  submitted: z.number().int(),
  total: z.number().int(),
});
export type Round = z.infer<typeof roundSchema>;
export const roundListResponse = z.object({ items: z.array(roundSchema) });
export const submitRoundBody = z.strictObject({
  text: z.string().trim().min(1).max(TEXT_MAX),
  /** The unit reported for, when the caller answers for a unit other than their own department (a district bureau for its government). */
  deptId: z.number().int().positive().optional(),
});

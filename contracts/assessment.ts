/**
 * Year-end assessment (质量工作考核) of district governments and member units: schemes with weighted
 * indicators, bonus/deduction/veto items and grade bands; per-unit inputs; scored and ranked
 * results; the units' rectification (整改) reports.
 */
import { z } from 'zod';
import { isoDate } from './common.js';
import { dictValues } from './dicts.js';
import { msg } from './i18n.js';

/** `district`: the county-level people's governments; `department`: member units and regulators. */
export const ASSESSMENT_TARGET_KINDS = dictValues('assessment_target_kind');
export type AssessmentTargetKind = (typeof ASSESSMENT_TARGET_KINDS)[number];

/** draft: configured, nothing entered · scoring: inputs entered or scored · published: results announced, frozen. */
export const SCHEME_STATUSES = dictValues('assessment_scheme_status');
export type SchemeStatus = (typeof SCHEME_STATUSES)[number];

/**
 * How an indicator's 0–100 score is obtained: `task_completion` and `on_time` are computed from the
 * unit's plan tasks due in the scheme year; the others are entered per unit.
 */
export const INDICATOR_KINDS = dictValues('assessment_indicator_kind');
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];
/** The kinds entered by hand (in the grid or from Excel). */
export const ENTERED_INDICATOR_KINDS = ['indicator_attainment', 'expert', 'manual'] as const satisfies readonly IndicatorKind[];
export const COMPUTED_INDICATOR_KINDS = ['task_completion', 'on_time'] as const satisfies readonly IndicatorKind[];
export function isEnteredKind(kind: IndicatorKind): boolean {
  return (ENTERED_INDICATOR_KINDS as readonly string[]).includes(kind);
}

export const RECTIFICATION_STATUSES = dictValues('assessment_rectification_status');
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];

const NAME_MAX = 100;
const REASON_MAX = 500;
const TEXT_MAX = 10_000;
const ITEMS_MAX = 50;
const UNITS_MAX = 500;

/** Stable key of an indicator or item within a scheme: inputs and results refer to it. */
const itemKey = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,32}$/, { message: msg('编码为 1–32 位字母、数字、下划线或连字符', 'Keys are 1–32 letters, digits, _ or -') });
const itemName = z.string().trim().min(1).max(NAME_MAX);
/** Points and scores carry at most two decimals. */
const points = (max: number) => z.number().finite().min(0).max(max).multipleOf(0.01);
const score = z.number().finite().min(0).max(100).multipleOf(0.01);

export const indicatorSchema = z.strictObject({
  key: itemKey,
  name: itemName,
  kind: z.enum(INDICATOR_KINDS),
  /** Weight in percent; the weights of a scheme total exactly 100. */
  weight: z.number().finite().gt(0).max(100).multipleOf(0.01),
  description: z.string().trim().max(REASON_MAX).nullable().optional(),
});
export type AssessmentIndicator = z.infer<typeof indicatorSchema>;

/** A bonus (加分) or deduction (扣分) item: a unit scores up to `maxPoints` on it. */
export const pointItemSchema = z.strictObject({ key: itemKey, name: itemName, maxPoints: z.number().finite().gt(0).max(100).multipleOf(0.01) });
export type PointItem = z.infer<typeof pointItemSchema>;
/** 一票否决: any entry on one of these makes the unit fail whatever its score. */
export const vetoItemSchema = z.strictObject({ key: itemKey, name: itemName });
export type VetoItem = z.infer<typeof vetoItemSchema>;

/** A grade (等次) and the lowest total that earns it. */
export const gradeBandSchema = z.strictObject({ grade: z.string().trim().min(1).max(10), min: z.number().finite().gt(0).max(200).multipleOf(0.01) });
export type GradeBand = z.infer<typeof gradeBandSchema>;

/**
 * Default grade bands. These figures are customary, not statutory: each city sets its own in its
 * assessment measures (考核办法), so every scheme carries its own bands and the office edits them.
 */
export const DEFAULT_GRADE_BANDS: readonly GradeBand[] = [
  { grade: '优秀', min: 90 },
  { grade: '良好', min: 80 },
  { grade: '合格', min: 60 },
];
export const DEFAULT_FAIL_GRADE = '不合格';

export const schemeBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  year: z.number().int().min(2000).max(2100),
  targetKind: z.enum(ASSESSMENT_TARGET_KINDS),
  /** The units assessed; omitted or null: every active unit of the target kind. */
  deptIds: z.array(z.number().int().positive()).max(UNITS_MAX).nullable().optional(),
  indicators: z.array(indicatorSchema).min(1).max(ITEMS_MAX),
  bonusItems: z.array(pointItemSchema).max(ITEMS_MAX).default([]),
  deductionItems: z.array(pointItemSchema).max(ITEMS_MAX).default([]),
  vetoItems: z.array(vetoItemSchema).max(ITEMS_MAX).default([]),
  /** Highest first; omitted: DEFAULT_GRADE_BANDS. */
  gradeBands: z.array(gradeBandSchema).min(1).max(10).optional(),
  failGrade: z.string().trim().min(1).max(10).default(DEFAULT_FAIL_GRADE),
  /** 主送 line of the 通报; omitted: a default per target kind. */
  recipients: z.string().trim().max(500).nullable().optional(),
});
export type SchemeBody = z.input<typeof schemeBody>;
export type SchemeInput = z.output<typeof schemeBody>;
export const updateSchemeBody = schemeBody.extend({ version: z.number().int().min(1) });

export const schemeUnitSchema = z.object({ deptId: z.number().int(), name: z.string(), districtCode: z.string().nullable() });
export type SchemeUnit = z.infer<typeof schemeUnitSchema>;

export const schemeSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  year: z.number().int(),
  targetKind: z.enum(ASSESSMENT_TARGET_KINDS),
  status: z.enum(SCHEME_STATUSES),
  unitCount: z.number().int(),
  /** Whether results exist and match the current inputs (false: compute again before publishing). */
  scored: z.boolean(),
  scoredAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  /** 发文字号 of the published 通报 (津质强办〔2026〕3号); null until the results are published. */
  docNumber: z.string().nullable(),
  version: z.number().int(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Scheme = z.infer<typeof schemeSchema>;

export const schemeDetailSchema = schemeSchema.extend({
  indicators: z.array(indicatorSchema),
  bonusItems: z.array(pointItemSchema),
  deductionItems: z.array(pointItemSchema),
  vetoItems: z.array(vetoItemSchema),
  gradeBands: z.array(gradeBandSchema),
  failGrade: z.string(),
  /** 发文机关 of the 通报: as published, else the configured issuer (公文设置). */
  issuer: z.string(),
  recipients: z.string(),
  units: z.array(schemeUnitSchema),
});
export type SchemeDetail = z.infer<typeof schemeDetailSchema>;

export const schemeListQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  keyword: z.string().trim().max(100).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(SCHEME_STATUSES).optional(),
});
export type SchemeListQuery = z.infer<typeof schemeListQuery>;
export const schemeListResponse = z.object({ items: z.array(schemeSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const unitOptionsQuery = z.strictObject({ targetKind: z.enum(ASSESSMENT_TARGET_KINDS) });
/** `default`: a new scheme of that kind starts with the unit. */
export const unitOptionsResponse = z.object({ items: z.array(schemeUnitSchema.extend({ kind: z.string(), default: z.boolean() })) });

// ─── Inputs ──────────────────────────────────────────────────────────────────────────────────────

export const pointEntrySchema = z.strictObject({ itemKey, points: points(100), reason: z.string().trim().min(1).max(REASON_MAX) });
export type PointEntry = z.infer<typeof pointEntrySchema>;
export const vetoEntrySchema = z.strictObject({ itemKey, reason: z.string().trim().min(1).max(REASON_MAX) });
export type VetoEntry = z.infer<typeof vetoEntrySchema>;

/** What is entered for one unit: scores of the entered indicators (by key), bonus, deduction and veto entries. */
export const unitInputSchema = z.strictObject({
  deptId: z.number().int().positive(),
  scores: z.record(itemKey, score.nullable()).default({}),
  bonuses: z.array(pointEntrySchema).max(ITEMS_MAX).default([]),
  deductions: z.array(pointEntrySchema).max(ITEMS_MAX).default([]),
  vetoes: z.array(vetoEntrySchema).max(ITEMS_MAX).default([]),
});
export type UnitInput = z.output<typeof unitInputSchema>;

/** Replaces the inputs of the units listed (others are left as they are). */
export const saveInputsBody = z.strictObject({ units: z.array(unitInputSchema).min(1).max(UNITS_MAX) });

export const unitInputsSchema = z.object({
  deptId: z.number().int(),
  deptName: z.string(),
  districtCode: z.string().nullable(),
  scores: z.record(z.string(), z.number().nullable()),
  bonuses: z.array(pointEntrySchema),
  deductions: z.array(pointEntrySchema),
  vetoes: z.array(vetoEntrySchema),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type UnitInputs = z.infer<typeof unitInputsSchema>;
export const inputsResponse = z.object({ scheme: schemeSchema, units: z.array(unitInputsSchema) });
export type InputsResponse = z.infer<typeof inputsResponse>;

// ─── Results ─────────────────────────────────────────────────────────────────────────────────────

export const indicatorScoreSchema = z.object({
  key: z.string(),
  name: z.string(),
  kind: z.enum(INDICATOR_KINDS),
  weight: z.number(),
  /** 0–100; null only for an entered indicator with nothing entered (counted as 0). */
  score: z.number().nullable(),
  /** weight × score / 100. */
  weighted: z.number(),
  /** For computed indicators: the task counts behind the rate. */
  tasks: z.object({ due: z.number().int(), completed: z.number().int(), onTime: z.number().int() }).nullable(),
  /** 无到期任务, 未录入 … */
  note: z.string().nullable(),
});
export type IndicatorScore = z.infer<typeof indicatorScoreSchema>;

const namedPoints = z.object({ itemKey: z.string(), name: z.string(), points: z.number(), reason: z.string() });
const namedVeto = z.object({ itemKey: z.string(), name: z.string(), reason: z.string() });

export const rectificationSchema = z.object({
  id: z.number().int(),
  resultId: z.number().int(),
  schemeId: z.number().int(),
  deptId: z.number().int(),
  deptName: z.string(),
  report: z.string(),
  measures: z.string(),
  completionDate: z.string(),
  status: z.enum(RECTIFICATION_STATUSES),
  submittedBy: z.string(),
  submittedAt: z.string(),
  reviewComment: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
});
export type Rectification = z.infer<typeof rectificationSchema>;

export const resultSchema = z.object({
  id: z.number().int(),
  schemeId: z.number().int(),
  deptId: z.number().int(),
  deptName: z.string(),
  districtCode: z.string().nullable(),
  rank: z.number().int(),
  /** Σ weighted + bonus − deduction, clamped to [0, 100 + Σ bonus maxima]. */
  total: z.number(),
  weightedSum: z.number(),
  bonus: z.number(),
  deduction: z.number(),
  grade: z.string(),
  vetoed: z.boolean(),
  indicators: z.array(indicatorScoreSchema),
  bonuses: z.array(namedPoints),
  deductions: z.array(namedPoints),
  vetoes: z.array(namedVeto),
  /** Grade below 良好 (below the second band), a deduction or a veto: the unit reports rectification. */
  needsRectification: z.boolean(),
  /** The latest rectification report, if any. */
  rectification: rectificationSchema.nullable(),
  scoredAt: z.string(),
});
export type AssessmentResult = z.infer<typeof resultSchema>;

export const resultListResponse = z.object({ scheme: schemeSchema, items: z.array(resultSchema) });
export type ResultList = z.infer<typeof resultListResponse>;

export const scoreResponse = z.object({
  scheme: schemeSchema,
  units: z.number().int(),
  /** Entered indicators with nothing entered (scored as 0): worth a look before publishing. */
  missingInputs: z.array(z.object({ deptId: z.number().int(), deptName: z.string(), indicator: z.string() })),
});

/** A unit's own published results, with its rectification history. */
export const myResultSchema = resultSchema.extend({
  schemeName: z.string(),
  year: z.number().int(),
  targetKind: z.enum(ASSESSMENT_TARGET_KINDS),
  unitCount: z.number().int(),
  gradeBands: z.array(gradeBandSchema),
  failGrade: z.string(),
  publishedAt: z.string().nullable(),
  rectifications: z.array(rectificationSchema),
  /** Whether the caller may submit a rectification report now. */
  canSubmitRectification: z.boolean(),
});
export type MyResult = z.infer<typeof myResultSchema>;
export const myResultsResponse = z.object({ items: z.array(myResultSchema) });

export const submitRectificationBody = z.strictObject({
  report: z.string().trim().min(1).max(TEXT_MAX),
  measures: z.string().trim().min(1).max(TEXT_MAX),
  completionDate: isoDate,
});
export const reviewRectificationBody = z.strictObject({
  decision: z.enum(['accept', 'return']),
  comment: z.string().trim().max(2000).nullable().optional(),
});

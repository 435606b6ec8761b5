/**
 * Credit scoring (信用评价): scoring models as versioned data, and evaluations with their explanation.
 * A model is validated here (shape) and in server/src/modules/credit/scoring.rules.ts (meaning:
 * weights total 100, bands sorted), so the web editor and the server agree.
 */
import { z } from 'zod';
import { isoDate } from './common.js';
import { ARCHIVE_KINDS } from './entities.js';

export const MODEL_KINDS = ['grade', 'risk'] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];
export const MODEL_STATUSES = ['draft', 'active', 'retired'] as const;

/** Payload field names are bound as parameters, never spliced into SQL; still keep them plain. */
const fieldName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/);
const key = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/);
const label = z.string().trim().min(1).max(100);
const scalar = z.union([z.string().max(100), z.boolean(), z.number().int()]);

/**
 * One test on a record's payload. eq/in/not_in compare the field's text form; any/none test an array
 * field for any/none of the values; gte/lt compare a numeric field (a non-number fails both).
 */
export const payloadCondition = z.discriminatedUnion('op', [
  z.strictObject({ field: fieldName, op: z.literal('eq'), value: scalar }),
  z.strictObject({ field: fieldName, op: z.enum(['in', 'not_in', 'any', 'none']), values: z.array(scalar).min(1).max(30) }),
  z.strictObject({ field: fieldName, op: z.enum(['gte', 'lt']), value: z.number() }),
]);
export type PayloadCondition = z.infer<typeof payloadCondition>;

/** How a record's weight falls with age: none (1), linear (1 → 0 across the window), half-life. */
export const decaySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({ kind: z.literal('linear') }),
  z.strictObject({ kind: z.literal('half_life'), halfLifeDays: z.number().int().min(1).max(3650) }),
]);
export type Decay = z.infer<typeof decaySchema>;

const recordSelection = {
  kinds: z.array(z.enum(ARCHIVE_KINDS)).min(1).max(ARCHIVE_KINDS.length),
  where: z.array(payloadCondition).max(10).default([]),
  /** Records that occurred within this many months before the evaluation date count. */
  windowMonths: z.number().int().min(1).max(240),
  decay: decaySchema.default({ kind: 'none' }),
};

const indicatorCommon = {
  key,
  name: label,
  dimension: key,
  /** The indicator's weight: its maximum points (all maxima total 100). */
  max: z.number().positive().max(100),
};

export const indicatorSchema = z.discriminatedUnion('formula', [
  /** points = clamp(base + clamp(Σ perRecord × weight, ±cap), 0, max). Negative perRecord deducts. */
  z.strictObject({
    ...indicatorCommon,
    formula: z.literal('count'),
    ...recordSelection,
    base: z.number().min(0).max(100),
    perRecord: z.number().min(-100).max(100),
    cap: z.number().positive().max(100).optional(),
  }),
  /** points = max × Σ weight of records also matching `pass` / Σ weight; `empty` when none. */
  z.strictObject({
    ...indicatorCommon,
    formula: z.literal('ratio'),
    ...recordSelection,
    pass: z.array(payloadCondition).min(1).max(10),
    empty: z.number().min(0).max(100),
  }),
  /** points = clamp(base + perUnit × fact, 0, max): a registry fact, not the archive. */
  z.strictObject({
    ...indicatorCommon,
    formula: z.literal('fact'),
    fact: z.enum(['has_quality_officer', 'valid_licences']),
    base: z.number().min(0).max(100),
    perUnit: z.number().min(-100).max(100),
  }),
]);
export type Indicator = z.infer<typeof indicatorSchema>;

/** What triggers a veto (or, for the risk class, a floor): a registry flag, an active list entry, a young entity. */
export const vetoCondition = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('flag'), code: z.enum(['missing_production_licence', 'missing_ccc', 'missing_officer']) }),
  z.strictObject({ type: z.literal('list'), list: z.string().min(1).max(24) }),
  z.strictObject({ type: z.literal('established_within_days'), days: z.number().int().min(1).max(3650) }),
]);
export type VetoCondition = z.infer<typeof vetoCondition>;

export const modelDefinition = z.strictObject({
  /** Why the numbers are what they are (sources, what is a local default). */
  basis: z.string().max(2000).default(''),
  dimensions: z.array(z.strictObject({ key, name: label })).min(1).max(20),
  indicators: z.array(indicatorSchema).min(1).max(60),
  /** The result is at least as bad as `grade` when the condition holds. */
  vetoes: z.array(z.strictObject({ key, name: label, when: vetoCondition, grade: z.string().min(1).max(4) })).max(20).default([]),
  /** Best grade first, by descending minimum score; the last band's minimum must be ≤ 0. */
  bands: z.array(z.strictObject({ grade: z.string().min(1).max(4), min: z.number() })).min(2).max(10),
  /** Whether the grade may be shown to the enterprise and the public (never for risk classes). */
  published: z.boolean(),
});
export type ModelDefinition = z.infer<typeof modelDefinition>;

export const createModelBody = z.strictObject({
  kind: z.enum(MODEL_KINDS),
  name: z.string().trim().min(2).max(200),
  definition: z.unknown(),
});
export type CreateModelBody = z.infer<typeof createModelBody>;

export const modelSchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  version: z.number().int(),
  name: z.string(),
  status: z.string(),
  createdBy: z.string(),
  /** "王质量（部门）"; null for an unknown account and for the shipped versions (created by `system`). */
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  activatedAt: z.string().nullable(),
});
export const modelDetailSchema = modelSchema.extend({ definition: modelDefinition });
export type CreditModelDto = z.infer<typeof modelSchema>;
export type CreditModelDetail = z.infer<typeof modelDetailSchema>;
export const modelListQuery = z.object({ kind: z.enum(MODEL_KINDS).optional() });
export const modelListResponse = z.object({ items: z.array(modelSchema) });

export const recordContribution = z.object({ recordId: z.number().int(), occurredOn: z.string(), points: z.number(), weight: z.number(), passed: z.boolean().optional() });
export const indicatorResult = z.object({
  key: z.string(),
  name: z.string(),
  dimension: z.string(),
  points: z.number(),
  max: z.number(),
  records: z.array(recordContribution),
});
export type IndicatorResult = z.infer<typeof indicatorResult>;
export const evaluationSchema = z.object({
  kind: z.string(),
  modelId: z.number().int().nullable(),
  modelVersion: z.number().int(),
  score: z.number(),
  grade: z.string(),
  vetoed: z.boolean(),
  vetoes: z.array(z.object({ key: z.string(), name: z.string(), grade: z.string() })),
  /** The evaluation date the windows and decay were measured from. */
  asOf: isoDate,
  computedAt: z.string(),
  /** Each indicator with its dimension's name in the model (质量管理, 产品和服务质量表现 …). */
  indicators: z.array(indicatorResult.extend({ dimensionName: z.string() })),
});
export type EvaluationDto = z.infer<typeof evaluationSchema>;
export const entityEvaluationResponse = z.object({
  uscc: z.string(),
  name: z.string(),
  grade: evaluationSchema.nullable(),
  /** Only for staff holding credit:risk:list; never for enterprises. */
  risk: evaluationSchema.nullable(),
});
export type EntityEvaluationResponse = z.infer<typeof entityEvaluationResponse>;

export const recomputeBody = z.strictObject({ kind: z.enum(MODEL_KINDS).optional() });
export const recomputeResponse = z.object({
  /** `entities` evaluated, of which `changed` got a new score, grade or model version. */
  results: z.array(z.object({ kind: z.string(), modelVersion: z.number().int(), entities: z.number().int(), changed: z.number().int(), asOf: z.string(), ms: z.number() })),
});
export type RecomputeResponse = z.infer<typeof recomputeResponse>;

export const evaluationStatsResponse = z.object({
  total: z.number().int(),
  grades: z.array(z.object({ grade: z.string(), count: z.number().int() })),
  /** Null unless the reader holds credit:risk:list. */
  riskClasses: z.array(z.object({ grade: z.string(), count: z.number().int() })).nullable(),
});
export type EvaluationStats = z.infer<typeof evaluationStatsResponse>;

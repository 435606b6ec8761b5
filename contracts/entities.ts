/**
 * Market entities (市场主体) and their quality archive (质量档案): the registry, products, licences,
 * and the append-only stream of typed records every module adds to.
 */
import { z } from 'zod';
import { isoDate, keyword, pageOf, pageQuery, todayInChina } from './common.js';
import { msg } from './i18n.js';
import { parseIndustryCode } from './industries.js';
import { validateUscc } from './uscc.js';

export const ENTITY_TYPES = ['company', 'individual', 'cooperative', 'branch', 'other'] as const;
export const ENTITY_STATUSES = ['active', 'suspended', 'revoked', 'cancelled', 'moved_out'] as const;
export const ENTITY_SCALES = ['large', 'medium', 'small', 'micro'] as const;
export const LICENCE_KINDS = ['production_licence', 'ccc', 'food_production', 'food_business', 'special_equipment', 'management_system', 'other'] as const;

/** Archive record kinds (DESIGN §2). */
export const ARCHIVE_KINDS = [
  'inspection',
  'sampling',
  'penalty',
  'complaint',
  'recall',
  'award',
  'certification',
  'self_declaration',
  'commitment',
  'list_entry',
  'list_removal',
  'credit_repair',
  'note',
] as const;
export type ArchiveKind = (typeof ARCHIVE_KINDS)[number];

/** Kinds an officer may add by hand (list and repair records come from the credit module's workflows). */
export const MANUAL_ARCHIVE_KINDS = ['inspection', 'sampling', 'penalty', 'complaint', 'recall', 'award', 'certification', 'self_declaration', 'commitment', 'note'] as const;
/** Kinds an enterprise adds about itself. */
export const ENTERPRISE_ARCHIVE_KINDS = ['self_declaration', 'commitment'] as const;

/**
 * Penalty types of 《行政处罚法》 Art. 9, as SAMR decisions name them. The last five are the
 * "heaviest" ones whose publication may never stop early (Order 45 Art. 14 para. 3).
 */
export const PENALTY_TYPES = ['warning', 'criticism', 'fine', 'confiscation', 'qualification_lowered', 'licence_revoked', 'business_limited', 'suspended', 'closed', 'employment_ban', 'detention'] as const;
export type PenaltyType = (typeof PENALTY_TYPES)[number];
/** Fields where credit repair needs ≥ 1 year of publication instead of 6 months (修复办法 Art. 6). */
export const PENALTY_DOMAINS = ['food', 'drug', 'special_equipment', 'product', 'other'] as const;

export const usccField = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .superRefine((s, ctx) => {
    const r = validateUscc(s);
    if (!r.valid) ctx.addIssue({ code: 'custom', message: msg(`统一社会信用代码无效（${r.rule}）：${r.reason}`, `Invalid USCC (rule: ${r.rule}): ${r.reason}`) });
  });

const text = (max: number) => z.string().trim().max(max);
const optText = (max: number) => text(max).nullish().transform((v) => (v ? v : null));

export const industryField = z
  .string()
  .trim()
  .refine((s) => parseIndustryCode(s) !== null, { message: msg('行业代码应为 GB/T 4754-2017 门类字母或两位大类代码', 'Industry code must be a GB/T 4754-2017 section letter or two-digit division') });

const pastDate = isoDate.refine((s) => s <= todayInChina(), { message: msg('日期不能晚于今天', 'The date cannot be in the future') });

export const entityFields = {
  name: text(200).min(2, { message: msg('名称至少 2 个字', 'The name needs at least 2 characters') }),
  formerNames: z.array(text(200).min(1)).max(20).default([]),
  entityType: z.enum(ENTITY_TYPES).default('company'),
  legalRep: optText(100),
  address: optText(300),
  districtCode: z.string().regex(/^\d{6}$/, { message: msg('区划代码应为 6 位数字（GB/T 2260）', 'District codes are six digits (GB/T 2260)') }),
  industry: industryField,
  registeredCapital: z.number().nonnegative().max(1e12).nullish().transform((v) => v ?? null),
  establishedOn: pastDate.nullish().transform((v) => v ?? null),
  status: z.enum(ENTITY_STATUSES).default('active'),
  scale: z.enum(ENTITY_SCALES).nullish().transform((v) => v ?? null),
  contactName: optText(50),
  contactPhone: optText(30),
  qualityOfficer: optText(50),
  qualityOfficerSince: pastDate.nullish().transform((v) => v ?? null),
};

export const createEntityBody = z.strictObject({ uscc: usccField, ...entityFields });
export type CreateEntityBody = z.infer<typeof createEntityBody>;
export const updateEntityBody = z.strictObject({ ...entityFields, version: z.number().int().positive() });
export type UpdateEntityBody = z.infer<typeof updateEntityBody>;

export const usccParam = z.strictObject({ uscc: usccField });

export const entityListQuery = z.object({
  ...pageQuery,
  /** A USCC (exact) or a name: jieba tokens and trigram similarity, best match first. */
  keyword,
  districtCode: z.string().regex(/^\d{2,6}$/).optional(),
  /** A section letter or a two-digit division. */
  industry: industryField.optional(),
  status: z.enum(ENTITY_STATUSES).optional(),
  entityType: z.enum(ENTITY_TYPES).optional(),
  grade: z.string().max(4).optional(),
  riskClass: z.enum(['A', 'B', 'C', 'D']).optional(),
  /** Only large/medium producers of licensed or CCC products without a 质量安全总监 (SAMR Order 75 Art. 5). */
  missingOfficer: z.enum(['true', 'false']).optional(),
});
export type EntityListQuery = z.infer<typeof entityListQuery>;

export const entitySummary = z.object({
  id: z.number().int(),
  uscc: z.string(),
  name: z.string(),
  entityType: z.string(),
  districtCode: z.string(),
  districtName: z.string().nullable(),
  industrySection: z.string(),
  industryDivision: z.string().nullable(),
  industryName: z.string(),
  status: z.string(),
  scale: z.string().nullable(),
  legalRep: z.string().nullable(),
  /** Current quality-credit grade (AAA…D), null before the first evaluation. */
  grade: z.string().nullable(),
  /** Credit-risk class; null unless the reader may see it (never for enterprises or the public). */
  riskClass: z.string().nullable(),
  missingOfficer: z.boolean(),
  /** Which names matched the search (the current name or a former one). */
  matchedName: z.string().nullable(),
});
export type EntitySummary = z.infer<typeof entitySummary>;
/**
 * A keyword search lists at most 10,000 matches; `capped` says more matched, so `total` is a lower
 * bound and the officer should narrow the search.
 */
export const entityListResponse = pageOf(entitySummary).extend({
  capped: z.boolean(),
  /** Nothing matched the keyword as typed; these are near matches (names that sound or look like it). */
  near: z.boolean(),
});
export type EntityListResponse = z.infer<typeof entityListResponse>;

export const productSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  category: z.string().nullable(),
  brand: z.string().nullable(),
  model: z.string().nullable(),
  standard: z.string().nullable(),
  licenceRequired: z.boolean(),
  cccRequired: z.boolean(),
});
export type Product = z.infer<typeof productSchema>;
export const productBody = z.strictObject({
  name: text(200).min(1),
  category: optText(100),
  brand: optText(100),
  model: optText(100),
  standard: optText(100),
  licenceRequired: z.boolean().default(false),
  cccRequired: z.boolean().default(false),
});
export type ProductBody = z.infer<typeof productBody>;

export const licenceSchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  name: z.string(),
  number: z.string(),
  issuer: z.string().nullable(),
  issuedOn: z.string().nullable(),
  validUntil: z.string().nullable(),
  /** valid | expiring (within 90 days) | expired | revoked */
  state: z.string(),
  revokedOn: z.string().nullable(),
});
export type Licence = z.infer<typeof licenceSchema>;
export const licenceBody = z
  .strictObject({
    kind: z.enum(LICENCE_KINDS),
    name: text(200).min(1),
    number: text(100).min(1),
    issuer: optText(200),
    issuedOn: isoDate.nullish().transform((v) => v ?? null),
    validUntil: isoDate.nullish().transform((v) => v ?? null),
  })
  .refine((b) => !b.issuedOn || !b.validUntil || b.validUntil > b.issuedOn, { message: msg('有效期应晚于发证日期', 'Valid-until must be after the issue date'), path: ['validUntil'] });
export type LicenceBody = z.infer<typeof licenceBody>;

export const entityDetail = entitySummary.extend({
  formerNames: z.array(z.string()),
  address: z.string().nullable(),
  registeredCapital: z.number().nullable(),
  establishedOn: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  qualityOfficer: z.string().nullable(),
  qualityOfficerSince: z.string().nullable(),
  products: z.array(productSchema),
  licences: z.array(licenceSchema),
  /** Why the entity is flagged (missing officer, missing mandatory licence …), in words. */
  flags: z.array(z.object({ code: z.string(), message: z.string() })),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EntityDetail = z.infer<typeof entityDetail>;

// ── Archive records ──────────────────────────────────────────────────────────────────────────

export const inspectionPayload = z.strictObject({
  result: z.enum(['pass', 'issues_found', 'fail', 'not_found']),
  items: optText(500),
  inspectionNo: optText(100),
});
export const samplingPayload = z.strictObject({
  product: text(200).min(1),
  batch: optText(100),
  result: z.enum(['pass', 'fail']),
  failedItems: z.array(text(200).min(1)).max(50).default([]),
  lab: optText(200),
  reportNo: optText(100),
  level: z.enum(['national', 'provincial', 'city', 'district']).default('city'),
});
export const penaltyPayload = z.strictObject({
  decisionNo: text(100).min(1),
  penaltyTypes: z.array(z.enum(PENALTY_TYPES)).min(1).max(PENALTY_TYPES.length),
  /** Fine in yuan. */
  amount: z.number().nonnegative().max(1e12).nullish().transform((v) => v ?? null),
  authority: text(200).min(1),
  violation: text(500).min(1),
  domain: z.enum(PENALTY_DOMAINS).default('product'),
  /** The decision has been carried out (fine paid, order obeyed). */
  carriedOut: z.boolean().default(false),
  /** A legal restriction longer than the default period, in years (Order 44 Art. 21, Order 45 Art. 13). */
  restrictionYears: z.number().int().min(0).max(30).nullish().transform((v) => v ?? null),
});
export const complaintPayload = z.strictObject({
  verdict: z.enum(['substantiated', 'partly_substantiated', 'unsubstantiated', 'mediated']),
  subject: text(300).min(1),
  caseNo: optText(100),
});
export const recallPayload = z.strictObject({
  product: text(200).min(1),
  recallKind: z.enum(['voluntary', 'ordered']),
  quantity: z.number().int().nonnegative().nullish().transform((v) => v ?? null),
  /** The enterprise refused or delayed an ordered recall (Order 44 Art. 8). */
  refused: z.boolean().default(false),
});
export const awardPayload = z.strictObject({
  name: text(200).min(1),
  category: z.enum(['quality_award', 'brand', 'time_honoured', 'geographical_indication', 'standard_leader', 'other']),
  level: z.enum(['national', 'provincial', 'city', 'district']),
  /** An award withdrawn later is recorded as a correction with `withdrawn: true`. */
  withdrawn: z.boolean().default(false),
});
export const certificationPayload = z.strictObject({
  name: text(200).min(1),
  number: optText(100),
  change: z.enum(['gained', 'lost']),
  mandatory: z.boolean().default(false),
});
export const selfDeclarationPayload = z.strictObject({
  standardNo: text(100).min(1),
  standardName: text(200).min(1),
  product: text(200).min(1),
  /** Declared at or above the national/industry standard (企业标准领跑者 candidates are above). */
  level: z.enum(['national', 'industry', 'enterprise', 'above_national']).default('national'),
});
export const commitmentPayload = z.strictObject({ text: text(2000).min(4) });
export const listPayload = z.strictObject({
  list: text(32).min(1),
  entryId: z.number().int().nullish().transform((v) => v ?? null),
  reason: text(500).min(1),
});
export const repairPayload = z.strictObject({
  applicationId: z.number().int(),
  target: text(200).min(1),
  result: z.enum(['approved', 'denied']),
});
export const notePayload = z.strictObject({ text: text(2000).min(1) });

export const ARCHIVE_PAYLOADS = {
  inspection: inspectionPayload,
  sampling: samplingPayload,
  penalty: penaltyPayload,
  complaint: complaintPayload,
  recall: recallPayload,
  award: awardPayload,
  certification: certificationPayload,
  self_declaration: selfDeclarationPayload,
  commitment: commitmentPayload,
  list_entry: listPayload,
  list_removal: listPayload,
  credit_repair: repairPayload,
  note: notePayload,
} as const satisfies Record<ArchiveKind, z.ZodType>;
export type ArchivePayload<K extends ArchiveKind> = z.infer<(typeof ARCHIVE_PAYLOADS)[K]>;
export type PenaltyPayload = z.infer<typeof penaltyPayload>;
export type SamplingPayload = z.infer<typeof samplingPayload>;

/** Who sees a record without logging in (portal, public credit report). */
export const VISIBILITIES = ['internal', 'public'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** A kind's visibility unless the writer says otherwise: complaints and notes stay internal. */
export const DEFAULT_VISIBILITY: Record<ArchiveKind, Visibility> = {
  inspection: 'public',
  sampling: 'public',
  penalty: 'public',
  complaint: 'internal',
  recall: 'public',
  award: 'public',
  certification: 'public',
  self_declaration: 'public',
  commitment: 'public',
  list_entry: 'public',
  list_removal: 'public',
  credit_repair: 'public',
  note: 'internal',
};

const recordCommon = {
  occurredOn: pastDate,
  title: optText(300),
  visibility: z.enum(VISIBILITIES).optional(),
  /** A correction names the record it corrects; the corrected one is kept and marked. */
  correctsId: z.number().int().positive().nullish().transform((v) => v ?? null),
  /** A correction may withdraw the corrected record instead of replacing it. */
  retracts: z.boolean().default(false),
};

export const recordBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('inspection'), payload: inspectionPayload, ...recordCommon }),
  z.strictObject({ kind: z.literal('sampling'), payload: samplingPayload, ...recordCommon }),
  z.strictObject({ kind: z.literal('penalty'), payload: penaltyPayload, ...recordCommon }),
  z.strictObject({ kind: z.literal('complaint'), payload: complaintPayload, ...recordCommon }),
  z.strictObject({ kind: z.literal('recall'), payload: recallPayload, ...recordCommon }),
  z.strictObject({ kind: z.literal('award'), payload: awardPayload, ...recordCommon }),
  z.strictObject({ kind: z.literal('certification'), payload: certificationPayload, ...recordCommon }),
  z.strictObject({ kind: z.literal('self_declaration'), payload: selfDeclarationPayload, ...recordCommon }),
  z.strictObject({ kind: z.literal('commitment'), payload: commitmentPayload, ...recordCommon }),
  z.strictObject({ kind: z.literal('note'), payload: notePayload, ...recordCommon }),
]);
export type RecordBody = z.infer<typeof recordBody>;

export const archiveRecordSchema = z.object({
  id: z.number().int(),
  entityId: z.number().int(),
  kind: z.string(),
  title: z.string(),
  occurredOn: z.string(),
  recordedAt: z.string(),
  recordedBy: z.string(),
  /** "王质量（部门）" for the login name in `recordedBy`; null for an unknown account or a system load. */
  recordedByName: z.string().nullable(),
  sourceModule: z.string(),
  sourceId: z.string().nullable(),
  visibility: z.string(),
  correctsId: z.number().int().nullable(),
  retracts: z.boolean(),
  /** The record that corrects this one, if any: this one then no longer counts. */
  correctedById: z.number().int().nullable(),
  payload: z.record(z.string(), z.unknown()),
});
export type ArchiveRecord = z.infer<typeof archiveRecordSchema>;

export const recordListQuery = z.object({
  ...pageQuery,
  kind: z.enum(ARCHIVE_KINDS).optional(),
  visibility: z.enum(VISIBILITIES).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type RecordListQuery = z.infer<typeof recordListQuery>;
export const recordListResponse = pageOf(archiveRecordSchema);

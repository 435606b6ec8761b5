/**
 * Credit lists (信用名单) and the red/black lists (红黑榜): shapes shared by the server and the web.
 * Dates are ISO `YYYY-MM-DD`; every statutory deadline is a stored date, and each entry carries its
 * next step as a countdown in working days.
 */
import { z } from 'zod';
import { isoDate, keyword, pageOf, pageQuery } from './common.js';
import { docNumberField } from './doc-number.js';

export const CREDIT_LISTS = ['serious-violation', 'abnormal', 'penalty-publication', 'red', 'black'] as const;
export type CreditList = (typeof CREDIT_LISTS)[number];

/**
 * Listable conduct of 《市场监督管理严重违法失信名单管理办法》 (SAMR Order 44) by article: Art. 5 food
 * safety, Art. 6 drugs/devices/cosmetics, Art. 7 quality and safety (with its sub-grounds), Art. 8
 * consumer rights, Art. 9 fair competition, Art. 10 unlicensed operation or fraud, Art. 11 refusal
 * to comply with a decision.
 */
export const SERIOUS_GROUNDS = [
  'food_safety',
  'drugs_devices_cosmetics',
  'quality_safety.special_equipment',
  'quality_safety.mandatory_standard',
  'quality_safety.sampling_recheck_failed',
  'quality_safety.false_certification',
  'quality_safety.certification_mark_misuse',
  'quality_safety.ccc_uncertified',
  'consumer_rights',
  'fair_competition',
  'unlicensed_or_fraud',
  'refusal_to_comply',
] as const;
export type SeriousGround = (typeof SERIOUS_GROUNDS)[number];

/** Order 101 of 2025 Art. 4 (1)–(4). */
export const ABNORMAL_GROUNDS = ['annual_report_missing', 'disclosure_not_made', 'name_change_unregistered', 'unreachable'] as const;
export type AbnormalGround = (typeof ABNORMAL_GROUNDS)[number];

/**
 * The grounds of a listing in words: serious violations by Order 44 Art. 5–11, the abnormal-operations
 * list by Order 101 (2025) Art. 4. Officers' pages and the public lookup both show them.
 */
export const LIST_GROUND_LABELS = {
  food_safety: ['食品安全领域严重违法（第五条）', 'Food safety (Art. 5)'],
  drugs_devices_cosmetics: ['药品、医疗器械、化妆品领域严重违法（第六条）', 'Drugs, devices, cosmetics (Art. 6)'],
  'quality_safety.special_equipment': ['特种设备安全严重违法（第七条）', 'Special-equipment safety (Art. 7)'],
  'quality_safety.mandatory_standard': ['生产销售不符合强制性标准的产品（第七条）', 'Products failing mandatory standards (Art. 7)'],
  'quality_safety.sampling_recheck_failed': ['抽查复查仍不合格（第七条）', 'Failed the re-check after sampling (Art. 7)'],
  'quality_safety.false_certification': ['出具虚假认证、检验检测结论（第七条）', 'False certification or test results (Art. 7)'],
  'quality_safety.certification_mark_misuse': ['伪造、冒用认证标志（第七条）', 'Forged or misused certification marks (Art. 7)'],
  'quality_safety.ccc_uncertified': ['未经强制性产品认证出厂、销售（第七条）', 'Sold without CCC certification (Art. 7)'],
  consumer_rights: ['侵害消费者权益（第八条）', 'Consumer rights (Art. 8)'],
  fair_competition: ['破坏公平竞争秩序（第九条）', 'Fair competition (Art. 9)'],
  unlicensed_or_fraud: ['无证无照经营或以欺诈手段取得许可（第十条）', 'Unlicensed operation or fraud (Art. 10)'],
  refusal_to_comply: ['拒不执行处罚决定（第十一条）', 'Refusal to comply with a decision (Art. 11)'],
  annual_report_missing: ['未按期公示年度报告（第四条第一项）', 'Annual report not published (Art. 4 (1))'],
  disclosure_not_made: ['未在责令期限内公示有关企业信息（第四条第二项）', 'Information not disclosed when ordered (Art. 4 (2))'],
  name_change_unregistered: ['未依法办理企业名称变更登记（第四条第三项）', 'Name change not registered (Art. 4 (3))'],
  unreachable: ['通过登记的住所或经营场所无法联系（第四条第四项）', 'Unreachable at the registered address (Art. 4 (4))'],
} as const satisfies Record<SeriousGround | AbnormalGround, readonly [string, string]>;

export const LIST_STATUSES = ['pending_approval', 'rejected', 'listed', 'published', 'removed', 'revoked'] as const;
export type ListStatus = (typeof LIST_STATUSES)[number];

/** A list entry's status as pages and exports show it. */
export const LIST_STATUS_LABELS = {
  pending_approval: ['待审批', 'Awaiting approval'],
  rejected: ['未批准', 'Rejected'],
  listed: ['已列入', 'Listed'],
  published: ['已公示', 'Published'],
  removed: ['已移出', 'Removed'],
  revoked: ['已撤销', 'Revoked'],
} as const satisfies Record<ListStatus, readonly [string, string]>;

export const REMOVAL_KINDS = ['auto', 'early', 'cure', 'objection', 'revoked', 'officer'] as const;
export type RemovalKind = (typeof REMOVAL_KINDS)[number];

export const REMOVAL_KIND_LABELS = {
  auto: ['期满移出', 'At term'],
  early: ['信用修复提前移出', 'Early (credit repair)'],
  cure: ['纠正后移出', 'After cure'],
  objection: ['异议成立移出', 'Objection upheld'],
  revoked: ['撤销列入', 'Revoked'],
  officer: ['依职权移出', 'By the office'],
} as const satisfies Record<RemovalKind, readonly [string, string]>;

export const LIST_STEPS = ['approve', 'publish', 'remove', 'auto_remove', 'end_publication', 'expire'] as const;
export type ListStep = (typeof LIST_STEPS)[number];

/** A list entry's next statutory step in words. */
export const LIST_STEP_LABELS = {
  approve: ['审批', 'Approval'],
  publish: ['公示', 'Publication'],
  remove: ['移出', 'Removal'],
  auto_remove: ['期满移出', 'Removal at term'],
  end_publication: ['公示期满', 'End of publication'],
  expire: ['到期', 'Expiry'],
} as const satisfies Record<ListStep, readonly [string, string]>;

export const nextStepSchema = z.object({
  step: z.enum(LIST_STEPS),
  dueOn: isoDate,
  /** Working days from today to dueOn (negative when overdue); null when the calendar does not reach that far. */
  workingDaysLeft: z.number().int().nullable(),
  overdue: z.boolean(),
  /** The count runs through a year whose State Council holiday notice is not loaded: an estimate. */
  provisional: z.boolean(),
});
export type NextStep = z.infer<typeof nextStepSchema>;

export const listEntrySchema = z.object({
  id: z.number().int(),
  list: z.enum(CREDIT_LISTS),
  status: z.enum(LIST_STATUSES),
  entityId: z.number().int(),
  uscc: z.string(),
  entityName: z.string(),
  districtCode: z.string(),
  grounds: z.string(),
  groundsText: z.string().nullable(),
  /** The entry's own decision: the listing decision's 文号 (for a penalty publication, the penalty decision's). */
  decisionNo: z.string().nullable(),
  /** The penalty decision the entry rests on (serious-violation listings and penalty publications). */
  penaltyDecisionNo: z.string().nullable(),
  decisionDate: isoDate,
  sourceRecordId: z.number().int().nullable(),
  triggerDate: isoDate.nullable(),
  publishBy: isoDate.nullable(),
  publishedOn: isoDate.nullable(),
  earlyRemovalFrom: isoDate.nullable(),
  autoRemoveOn: isoDate.nullable(),
  restrictionUntil: isoDate.nullable(),
  curedOn: isoDate.nullable(),
  removeBy: isoDate.nullable(),
  removedOn: isoDate.nullable(),
  removalKind: z.string().nullable(),
  removalReason: z.string().nullable(),
  stopPublicationBy: isoDate.nullable(),
  /** Login names (the audit log's); `…ByName` is the person as pages show them, null for an unknown account. */
  approvedBy: z.string().nullable(),
  approvedByName: z.string().nullable(),
  approvalNo: z.string().nullable(),
  approvalComment: z.string().nullable(),
  roundId: z.number().int().nullable(),
  flags: z.array(z.string()),
  warning: z.string().nullable(),
  createdBy: z.string(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  nextStep: nextStepSchema.nullable(),
});
export type ListEntry = z.infer<typeof listEntrySchema>;

const seriousBody = z.strictObject({
  list: z.literal('serious-violation'),
  uscc: z.string().trim().length(18),
  decisionDate: isoDate,
  grounds: z.enum(SERIOUS_GROUNDS),
  groundsText: z.string().trim().max(2000).optional(),
  /** The listing decision's own 文号 (Order 44 Art. 13: a written decision), e.g. 津市监列严〔2026〕4号. */
  decisionNo: docNumberField,
  /** The penalty decision the listing rests on (Order 44 Art. 2), matched against the archive's penalty records. */
  penaltyDecisionNo: z.string().trim().min(1).max(100),
  /** A legal restriction on business or employment, in years, when longer than the default period. */
  restrictionYears: z.number().int().min(1).max(30).optional(),
});
const abnormalBody = z.strictObject({
  list: z.literal('abnormal'),
  uscc: z.string().trim().length(18),
  grounds: z.enum(ABNORMAL_GROUNDS),
  groundsText: z.string().trim().max(2000).optional(),
  /** When the ground arose: end of the reporting period, expiry of the order, confirmation of unreachability. */
  triggerDate: isoDate,
  /** The listing decision; defaults to today. */
  decisionDate: isoDate.optional(),
  decisionNo: docNumberField.optional(),
});
export const createListEntryBody = z.discriminatedUnion('list', [seriousBody, abnormalBody]);
export type CreateListEntryBody = z.infer<typeof createListEntryBody>;

export const createListEntryResponse = listEntrySchema;

export const approveListEntryBody = z.strictObject({
  approve: z.boolean(),
  approvalNo: z.string().trim().max(100).optional(),
  comment: z.string().trim().max(500).optional(),
});
export type ApproveListEntryBody = z.infer<typeof approveListEntryBody>;

export const publishListEntryBody = z.strictObject({ publishedOn: isoDate.optional() }).optional();
export const cureListEntryBody = z.strictObject({ curedOn: isoDate, note: z.string().trim().max(500).optional() });
export type CureListEntryBody = z.infer<typeof cureListEntryBody>;
export const removeListEntryBody = z.strictObject({ reason: z.string().trim().min(1).max(500), decidedOn: isoDate.optional() });
export type RemoveListEntryBody = z.infer<typeof removeListEntryBody>;
export const revokeListEntryBody = z.strictObject({ reason: z.string().trim().min(1).max(500), decidedOn: isoDate.optional() });
export type RevokeListEntryBody = z.infer<typeof revokeListEntryBody>;

export const listEntryQuery = z.strictObject({
  ...pageQuery,
  list: z.enum(CREDIT_LISTS).optional(),
  status: z.enum(LIST_STATUSES).optional(),
  districtCode: z.string().regex(/^\d{2,6}$/).optional(),
  keyword,
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  roundId: z.coerce.number().int().positive().optional(),
});
export type ListEntryQuery = z.infer<typeof listEntryQuery>;
export const listEntryPage = pageOf(listEntrySchema);

export const usccParam = z.strictObject({ uscc: z.string().trim().length(18) });

export const listAlertsSchema = z.object({
  today: isoDate,
  /** Overdue steps now (not yet taken). */
  overdue: z.number().int(),
  /** Steps due within the next 5 working days. */
  dueSoon: z.number().int(),
  /** Steps that were taken late (flags). */
  missed: z.number().int(),
  /** Listings in scope waiting for approval that the reader did not decide themselves. */
  awaitingApproval: z.number().int(),
  byStep: z.record(z.string(), z.number().int()),
  items: z.array(listEntrySchema),
});
export type ListAlerts = z.infer<typeof listAlertsSchema>;

export const clockReportSchema = z.object({
  today: isoDate,
  autoRemoved: z.number().int(),
  publicationsEnded: z.number().int(),
  honoursExpired: z.number().int(),
  deadlinesRecomputed: z.number().int(),
  flagged: z.number().int(),
});
export type ClockReport = z.infer<typeof clockReportSchema>;

export const creditSettingsSchema = z.object({
  /** 较低数额罚款 threshold for organisations, yuan (Order 45 Art. 13; set by each province). */
  lowFineThresholdYuan: z.number(),
  /** True while the coded default applies (no provincial value stored). */
  lowFineThresholdIsDefault: z.boolean(),
  /** The same threshold for natural persons (sole proprietors), yuan. */
  lowFinePersonThresholdYuan: z.number(),
  lowFinePersonThresholdIsDefault: z.boolean(),
  /** The coded defaults, which a null in the update body restores. */
  lowFineThresholdDefaultYuan: z.number(),
  lowFinePersonThresholdDefaultYuan: z.number(),
});
export type CreditSettings = z.infer<typeof creditSettingsSchema>;
/** A provincial amount, or null to go back to the coded default. */
const thresholdYuan = z.number().positive().max(1e10).nullable();
export const updateCreditSettingsBody = z
  .strictObject({ lowFineThresholdYuan: thresholdYuan.optional(), lowFinePersonThresholdYuan: thresholdYuan.optional() })
  .refine((b) => b.lowFineThresholdYuan !== undefined || b.lowFinePersonThresholdYuan !== undefined, { message: '请至少修改一项设置 ¦ Change at least one setting' });
export type UpdateCreditSettingsBody = z.infer<typeof updateCreditSettingsBody>;

// ── Red and black lists (红黑榜) ──────────────────────────────────────────────

export const HONOUR_STATUSES = ['draft', 'pending_approval', 'approved', 'published'] as const;
export const honourCriteriaSchema = z.strictObject({
  /** Grades that qualify (red: AAA, AA; black: D). */
  grades: z.array(z.string().min(1).max(4)).max(10),
  /** Red: no penalty decided within this many years. */
  noPenaltyYears: z.number().int().min(0).max(10).optional(),
  /** Red: not on any credit list (serious-violation, abnormal, penalty publication). */
  notListed: z.boolean().optional(),
  /** Black: also everyone actively on the serious-violation list. */
  includeSeriousViolation: z.boolean().optional(),
});
export type HonourCriteria = z.infer<typeof honourCriteriaSchema>;

export const honourRoundSchema = z.object({
  id: z.number().int(),
  list: z.enum(['red', 'black']),
  title: z.string(),
  period: z.string(),
  /** The compile criteria (loose: rounds loaded from elsewhere may carry other keys). */
  criteria: z.looseObject({
    grades: z.array(z.string()).optional(),
    noPenaltyYears: z.number().optional(),
    notListed: z.boolean().optional(),
    includeSeriousViolation: z.boolean().optional(),
  }),
  status: z.enum(HONOUR_STATUSES),
  scheduledOn: isoDate.nullable(),
  publishedOn: isoDate.nullable(),
  validUntil: isoDate.nullable(),
  /** Login names; the `…ByName` fields are "王质量（部门）", null for an unknown account. */
  createdBy: z.string(),
  createdByName: z.string().nullable(),
  approvedBy: z.string().nullable(),
  approvedByName: z.string().nullable(),
  members: z.number().int(),
  createdAt: z.string(),
});
export type HonourRound = z.infer<typeof honourRoundSchema>;
export const honourRoundDetailSchema = honourRoundSchema.extend({ entries: z.array(listEntrySchema) });
export type HonourRoundDetail = z.infer<typeof honourRoundDetailSchema>;

export const createHonourRoundBody = z.strictObject({
  list: z.enum(['red', 'black']),
  period: z.string().trim().regex(/^\d{4}(-(H[12]|Q[1-4]|\d{2}))?$/),
  title: z.string().trim().min(1).max(200).optional(),
  criteria: honourCriteriaSchema.optional(),
  scheduledOn: isoDate.optional(),
  validUntil: isoDate.optional(),
});
export type CreateHonourRoundBody = z.infer<typeof createHonourRoundBody>;
export const updateHonourRoundBody = z.strictObject({
  title: z.string().trim().min(1).max(200).optional(),
  criteria: honourCriteriaSchema.optional(),
  scheduledOn: isoDate.nullable().optional(),
  validUntil: isoDate.optional(),
});
export type UpdateHonourRoundBody = z.infer<typeof updateHonourRoundBody>;
export const approveHonourRoundBody = z.strictObject({ approve: z.boolean(), comment: z.string().trim().max(500).optional() });
export const honourRoundQuery = z.strictObject({ ...pageQuery, list: z.enum(['red', 'black']).optional(), status: z.enum(HONOUR_STATUSES).optional() });
export type HonourRoundQuery = z.infer<typeof honourRoundQuery>;
export const honourRoundPage = pageOf(honourRoundSchema);

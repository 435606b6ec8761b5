/**
 * Credit repair (信用修复), objections to abnormal-list listings (异议) and joint sanctions
 * (联合惩戒): request and response schemas shared by the server and the web.
 */
import { z } from 'zod';
import { isoDate, pageOf, pageQuery } from './common.js';
import { usccField } from './entities.js';

/** What a repair asks for, by the list the entry is on (修复办法 Art. 2). */
export const REPAIR_TARGETS = ['early_removal', 'stop_publication', 'abnormal_cure'] as const;
export type RepairTarget = (typeof REPAIR_TARGETS)[number];

/** How an abnormal-list listing was cured (Order 101 Art. 11–14); one is enough. */
export const ABNORMAL_CURES = ['annual_report', 'disclosure', 'name_change', 'reachable'] as const;
export type AbnormalCure = (typeof ABNORMAL_CURES)[number];

export const APPLICATION_KINDS = ['repair', 'objection'] as const;
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];
export const APPLICATION_STATUSES = ['submitted', 'accepted', 'not_accepted', 'approved', 'denied', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

const text = (max: number) => z.string().trim().max(max);

export const repairCondition = z.object({
  code: z.string(),
  met: z.boolean(),
  /** Bilingual (`msg(zh, en)`), with the dates that matter. */
  detail: z.string(),
});
export type RepairCondition = z.infer<typeof repairCondition>;

/** A statutory step deadline as a countdown. */
export const stepCountdown = z.object({
  dueOn: isoDate.nullable(),
  doneOn: isoDate.nullable(),
  /** Working days from today to dueOn; null when done or not started. */
  workingDaysLeft: z.number().int().nullable(),
  overdue: z.boolean(),
  /** The due date was counted through a year whose State Council holiday notice is not loaded: an estimate. */
  provisional: z.boolean(),
});
export type StepCountdown = z.infer<typeof stepCountdown>;

export const createRepairBody = z.strictObject({
  entryId: z.number().int().positive(),
  reason: text(2000).min(4),
  /** 信用承诺书 (Order 44 Art. 17): required. */
  commitment: text(4000).min(4),
  /** How the harm was removed (消除不良影响). */
  harmRemoved: text(2000).min(4),
  /** For the abnormal list: which listing ground was cured. */
  cure: z.enum(ABNORMAL_CURES).nullish().transform((v) => v ?? null),
});
export type CreateRepairBody = z.infer<typeof createRepairBody>;

/** The dry run behind the enterprise's form: what would be checked if it applied now. */
export const repairCheckBody = z.strictObject({
  harmRemoved: text(2000).nullish().transform((v) => v || null),
  cure: z.enum(ABNORMAL_CURES).nullish().transform((v) => v ?? null),
});
export const repairCheckResponse = z.object({
  entryId: z.number().int(),
  target: z.enum(REPAIR_TARGETS),
  eligible: z.boolean(),
  conditions: z.array(repairCondition),
});
export type RepairCheck = z.infer<typeof repairCheckResponse>;

export const createObjectionBody = z.strictObject({
  entryId: z.number().int().positive(),
  reason: text(2000).min(4),
});

export const acceptApplicationBody = z
  .strictObject({
    accept: z.boolean(),
    /** Required when not accepting. */
    comment: text(1000).nullish().transform((v) => v || null),
  })
  .refine((b) => b.accept || !!b.comment, { message: '不予受理须说明理由 ¦ A refusal must give a reason', path: ['comment'] });

export const decideApplicationBody = z.strictObject({
  approve: z.boolean(),
  comment: text(1000).min(2),
});

export const applicationFile = z.object({ id: z.number().int(), filename: z.string(), mimetype: z.string(), size: z.number().int(), uploadedAt: z.string() });

export const applicationSchema = z.object({
  id: z.number().int(),
  kind: z.enum(APPLICATION_KINDS),
  entityId: z.number().int(),
  uscc: z.string(),
  entityName: z.string(),
  districtCode: z.string(),
  entryId: z.number().int(),
  list: z.string(),
  target: z.enum(REPAIR_TARGETS).nullable(),
  status: z.enum(APPLICATION_STATUSES),
  reason: z.string(),
  commitment: z.string().nullable(),
  conditions: z.array(repairCondition),
  files: z.array(applicationFile),
  submittedOn: isoDate,
  /** Login names; the `…ByName` fields are "王质量（部门）", null for an unknown account. */
  submittedBy: z.string(),
  submittedByName: z.string().nullable(),
  /** Who accepted, refused or decided last. */
  handledBy: z.string().nullable(),
  handledByName: z.string().nullable(),
  decisionComment: z.string().nullable(),
  accept: stepCountdown,
  decide: stepCountdown,
  stopPublication: stepCountdown,
  version: z.number().int(),
});
export type Application = z.infer<typeof applicationSchema>;

export const applicationListQuery = z.strictObject({
  ...pageQuery,
  kind: z.enum(APPLICATION_KINDS).optional(),
  status: z.enum(APPLICATION_STATUSES).optional(),
  uscc: z.string().trim().max(18).optional(),
  overdue: z.enum(['true', 'false']).optional(),
});
export type ApplicationListQuery = z.infer<typeof applicationListQuery>;
export const applicationListResponse = pageOf(applicationSchema);

export const applicationFileParams = z.strictObject({
  id: z.coerce.number().int().positive().max(2_147_483_647),
  fileId: z.coerce.number().int().positive().max(2_147_483_647),
});

/** Overdue steps for the dashboard. */
export const repairAlerts = z.object({
  acceptOverdue: z.number().int(),
  decideOverdue: z.number().int(),
  stopOverdue: z.number().int(),
  total: z.number().int(),
  /** Steps due within the next 2 working days, not yet overdue. */
  dueSoon: z.number().int(),
});
export type RepairAlerts = z.infer<typeof repairAlerts>;

// ── Joint sanctions ──────────────────────────────────────────────────────────────────────────

export const sanctionRuleSchema = z.object({
  id: z.number().int(),
  trigger: z.string(),
  measure: z.string(),
  description: z.string(),
  basis: z.string(),
  appliedBy: z.string().nullable(),
  status: z.enum(['active', 'disabled']),
  updatedBy: z.string(),
  updatedAt: z.string(),
});
export type SanctionRule = z.infer<typeof sanctionRuleSchema>;
export const sanctionRuleListResponse = z.object({ items: z.array(sanctionRuleSchema) });

export const updateSanctionRuleBody = z.strictObject({
  description: text(500).min(2),
  basis: text(300).min(2),
  appliedBy: text(300).nullish().transform((v) => v || null),
  status: z.enum(['active', 'disabled']),
});

export const sanctionsQuery = z.strictObject({ purpose: text(200).optional() });
export const usccParam = z.strictObject({ uscc: usccField });

export const sanctionMeasure = z.object({
  measure: z.string(),
  description: z.string(),
  basis: z.string(),
  appliedBy: z.string().nullable(),
  trigger: z.string(),
  since: isoDate.nullable(),
  until: isoDate.nullable(),
});
export type SanctionMeasure = z.infer<typeof sanctionMeasure>;
export const sanctionsResponse = z.object({ uscc: z.string(), name: z.string(), measures: z.array(sanctionMeasure) });
export type Sanctions = z.infer<typeof sanctionsResponse>;

export const sanctionQueryLogQuery = z.strictObject({ ...pageQuery, uscc: z.string().trim().max(18).optional() });
export const sanctionQueryLogItem = z.object({
  id: z.number().int(),
  uscc: z.string(),
  entityId: z.number().int().nullable(),
  queriedBy: z.string(),
  /** 王质量（部门）, or null for an account that no longer exists. */
  queriedByName: z.string().nullable(),
  deptName: z.string().nullable(),
  purpose: z.string().nullable(),
  measures: z.number().int(),
  ip: z.string().nullable(),
  queriedAt: z.string(),
});
export type SanctionQueryLogItem = z.infer<typeof sanctionQueryLogItem>;
export const sanctionQueryLogResponse = pageOf(sanctionQueryLogItem);

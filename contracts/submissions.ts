/**
 * Enterprise submissions (企业报送): what an enterprise writes about itself for the public portal —
 * standard self-declarations (标准自我声明) and quality-credit commitments (质量信用承诺). They reach
 * the archive, the grade and the portal only after an officer approves them; a rejection carries its
 * reason, which the enterprise sees. The text is checked for personal data and links on submission
 * (contracts/personal-data.ts).
 */
import { z } from 'zod';
import { isoDate, keyword, pageOf, pageQuery, todayInChina } from './common.js';
import { commitmentPayload, ENTERPRISE_ARCHIVE_KINDS, selfDeclarationPayload } from './entities.js';
import { msg } from './i18n.js';

export const SUBMISSION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

const occurredOn = isoDate.refine((s) => s <= todayInChina(), { message: msg('日期不能晚于今天', 'The date cannot be in the future') });
const title = z
  .string()
  .trim()
  .max(300)
  .nullish()
  .transform((v) => (v ? v : null));

export const submissionBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('self_declaration'), occurredOn, title, payload: selfDeclarationPayload }),
  z.strictObject({ kind: z.literal('commitment'), occurredOn, title, payload: commitmentPayload }),
]);
export type SubmissionBody = z.infer<typeof submissionBody>;

export const submissionSchema = z.object({
  id: z.number().int(),
  entityId: z.number().int(),
  uscc: z.string(),
  entityName: z.string(),
  districtCode: z.string(),
  kind: z.enum(ENTERPRISE_ARCHIVE_KINDS),
  occurredOn: isoDate,
  title: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
  status: z.enum(SUBMISSION_STATUSES),
  submittedBy: z.string(),
  /** "吴企业" for the login in `submittedBy`; null for an unknown account. */
  submittedByName: z.string().nullable(),
  submittedAt: z.string(),
  reviewedBy: z.string().nullable(),
  reviewedByName: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  /** Why it was not approved: shown to the enterprise. */
  rejectReason: z.string().nullable(),
  /** The archive record an approval created (public from then on). */
  recordId: z.number().int().nullable(),
});
export type Submission = z.infer<typeof submissionSchema>;

export const submissionQuery = z.strictObject({
  ...pageQuery,
  status: z.enum(SUBMISSION_STATUSES).optional(),
  kind: z.enum(ENTERPRISE_ARCHIVE_KINDS).optional(),
  /** A USCC or part of the entity's name. */
  keyword,
});
export type SubmissionQuery = z.infer<typeof submissionQuery>;
export const submissionPage = pageOf(submissionSchema);

export const rejectSubmissionBody = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(2, { message: msg('请写明不予公开的理由（企业可见）', 'Give the reason (the enterprise sees it)') })
    .max(500),
});
export type RejectSubmissionBody = z.infer<typeof rejectSubmissionBody>;

export const submissionIdParam = z.strictObject({ id: z.coerce.number().int().positive().max(2_147_483_647) });

/**
 * Public credit lookup (信用信息查询, no login): an entity's quality-credit grade, the lists it is
 * currently published on and its public archive records. Nothing personal: no contact names or
 * phones, no complainants, no quality-officer names. The legal representative's name is public
 * registry data in China (企业信息公示暂行条例 Art. 8 / the national enterprise credit information
 * publicity system shows it), so it is shown, here and in the public report alike.
 */
import { z } from 'zod';
import { KEYWORD_MAX, pageOf } from './common.js';
import { msg } from './i18n.js';
import { usccField } from './entities.js';

/** Public search pages are small: bulk harvesting the registry is not what the portal is for. */
export const PUBLIC_PAGE_SIZE_MAX = 20;

export const publicUsccParam = z.strictObject({ uscc: usccField });

export const publicSearchQuery = z.object({
  name: z
    .string()
    .trim()
    .min(2, { message: msg('请输入至少 2 个字的名称', 'Enter at least 2 characters of the name') })
    .max(KEYWORD_MAX),
  page: z.coerce.number().int().min(1).max(50).default(1),
  pageSize: z.coerce.number().int().min(1).max(PUBLIC_PAGE_SIZE_MAX).default(10),
});
export type PublicSearchQuery = z.infer<typeof publicSearchQuery>;

export const publicSearchItem = z.object({
  uscc: z.string(),
  name: z.string(),
  districtCode: z.string(),
  district: z.string().nullable(),
  /** Quality-credit grade AAA…D; null before the first evaluation. Never the risk class. */
  grade: z.string().nullable(),
});
export type PublicSearchItem = z.infer<typeof publicSearchItem>;
export const publicSearchResponse = pageOf(publicSearchItem);

export const publicListStatus = z.object({
  /** serious-violation | abnormal | penalty-publication | red | black (dictionary credit_list). */
  type: z.string(),
  since: z.string().nullable(),
  until: z.string().nullable(),
  grounds: z.string().nullable(),
  decisionNo: z.string().nullable(),
});
export type PublicListStatus = z.infer<typeof publicListStatus>;

export const publicRecord = z.object({
  id: z.number().int(),
  kind: z.string(),
  title: z.string(),
  occurredOn: z.string(),
  /** The record as corrected: when a correction replaced the original, the correction is shown. */
  corrected: z.boolean(),
  payload: z.record(z.string(), z.unknown()),
});
export type PublicRecord = z.infer<typeof publicRecord>;

export const publicCreditResponse = z.object({
  uscc: z.string(),
  name: z.string(),
  formerNames: z.array(z.string()),
  entityType: z.string(),
  legalRep: z.string().nullable(),
  address: z.string().nullable(),
  districtCode: z.string(),
  district: z.string().nullable(),
  industry: z.string(),
  status: z.string(),
  establishedOn: z.string().nullable(),
  grade: z.string().nullable(),
  gradeComputedAt: z.string().nullable(),
  lists: z.array(publicListStatus),
  records: z.array(publicRecord),
});
export type PublicCreditResponse = z.infer<typeof publicCreditResponse>;

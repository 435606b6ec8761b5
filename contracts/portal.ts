/**
 * Public credit lookup (信用信息查询, no login): an entity's quality-credit grade, the lists it is
 * currently published on and its public archive records. Nothing personal: no contact names or
 * phones, no complainants, no quality-officer names. The legal representative's name is public
 * registry data in China (企业信息公示暂行条例 Art. 8 / the national enterprise credit information
 * publicity system shows it), so it is shown, here and in the public report alike.
 */
import { z } from 'zod';
import { isoDate, KEYWORD_MAX, pageOf } from './common.js';
import { ABNORMAL_GROUNDS, SERIOUS_GROUNDS } from './credit-lists.js';
import { msg } from './i18n.js';
import { industryField, usccField } from './entities.js';

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

/**
 * Whether the public sees a grade: `rated`; `unrated` before the first evaluation; `updating` while
 * the grade rests on a decision not yet published (the portal then shows 评价更新中, no grade; see
 * docs/PUBLICATION.md).
 */
export const PUBLIC_GRADE_STATES = ['rated', 'unrated', 'updating'] as const;
export type PublicGradeState = (typeof PUBLIC_GRADE_STATES)[number];

export const publicSearchItem = z.object({
  uscc: z.string(),
  name: z.string(),
  districtCode: z.string(),
  district: z.string().nullable(),
  /** Quality-credit grade AAA…D; null before the first evaluation or while withheld. Never the risk class. */
  grade: z.string().nullable(),
  gradeState: z.enum(PUBLIC_GRADE_STATES),
});
export type PublicSearchItem = z.infer<typeof publicSearchItem>;
export const publicSearchResponse = pageOf(publicSearchItem);

export const publicListStatus = z.object({
  /** serious-violation | abnormal | penalty-publication | red | black (dictionary credit_list). */
  type: z.string(),
  since: z.string().nullable(),
  until: z.string().nullable(),
  grounds: z.string().nullable(),
  /** The listing decision's 文号 (for a penalty publication, the penalty decision's). */
  decisionNo: z.string().nullable(),
  /** The penalty decision a serious-violation listing rests on. */
  penaltyDecisionNo: z.string().nullable(),
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
  /** Null before the first evaluation, or while withheld (`gradeState` says which). */
  grade: z.string().nullable(),
  gradeState: z.enum(PUBLIC_GRADE_STATES),
  gradeComputedAt: z.string().nullable(),
  lists: z.array(publicListStatus),
  records: z.array(publicRecord),
});
export type PublicCreditResponse = z.infer<typeof publicCreditResponse>;

// ── Public browsing of the lists (名单公示) ─────────────────────────────────────────────────────

/** The lists the public may browse: 红榜, 黑榜, 严重违法失信名单, 经营异常名录. */
export const PUBLIC_BROWSE_LISTS = ['red', 'black', 'serious-violation', 'abnormal'] as const;
export type PublicBrowseList = (typeof PUBLIC_BROWSE_LISTS)[number];

/**
 * The grounds each list is filtered by: Order 44 Art. 5–11 (a group such as `quality_safety` covers
 * its sub-grounds), Order 101 Art. 4, and the red and black lists' criteria.
 */
export const PUBLIC_LIST_GROUNDS: Record<PublicBrowseList, readonly string[]> = {
  'serious-violation': [...SERIOUS_GROUNDS, 'quality_safety'],
  abnormal: ABNORMAL_GROUNDS,
  red: ['grade:AAA', 'grade:AA', 'grade:A'],
  black: ['grade:D', 'list:serious-violation'],
};

export const publicListParam = z.strictObject({ list: z.enum(PUBLIC_BROWSE_LISTS) });

export const publicListQuery = z
  .strictObject({
    /** A GB/T 2260 code: a district, or the city (120000) for all of it. */
    districtCode: z
      .string()
      .regex(/^\d{6}$/, { message: msg('区划代码应为 6 位数字（GB/T 2260）', 'District codes are six digits (GB/T 2260)') })
      .optional(),
    /** A GB/T 4754-2017 section letter or two-digit division. */
    industry: industryField.optional(),
    grounds: z
      .string()
      .regex(/^[a-z_.:A-Z-]{1,48}$/)
      .optional(),
    /** Listed (published) on or after / on or before. */
    from: isoDate.optional(),
    to: isoDate.optional(),
    page: z.coerce.number().int().min(1).max(500).default(1),
    pageSize: z.coerce.number().int().min(1).max(PUBLIC_PAGE_SIZE_MAX).default(PUBLIC_PAGE_SIZE_MAX),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: msg('开始日期不能晚于结束日期', 'The start date must not be after the end date'), path: ['to'] });
export type PublicListQuery = z.infer<typeof publicListQuery>;

export const publicListItem = z.object({
  uscc: z.string(),
  name: z.string(),
  districtCode: z.string(),
  district: z.string().nullable(),
  industry: z.string(),
  /** The grounds code (for filters) and in words, as the lookup shows them. */
  groundsCode: z.string(),
  grounds: z.string().nullable(),
  decisionNo: z.string().nullable(),
  penaltyDecisionNo: z.string().nullable(),
  /** Listed (published) on; until when the entry stays published, if it says. */
  since: z.string(),
  until: z.string().nullable(),
  /** The red or black round the entry was published in. */
  round: z.object({ title: z.string(), period: z.string() }).nullable(),
});
export type PublicListItem = z.infer<typeof publicListItem>;
export const publicListResponse = pageOf(publicListItem);

/** Districts for the public filters (no login: the dictionary API needs one). */
export const publicDistrictsResponse = z.array(z.object({ code: z.string(), name: z.string() }));

import { z } from 'zod';
import { msg } from './i18n.js';
import { keyword, pageOf, pageQuery } from './common.js';
import { DEPT_KINDS, STATUS_VALUES } from './dicts.js';
import { newPassword, username } from './auth.js';
import { DATA_SCOPES } from './permissions.js';

const status = z.enum(STATUS_VALUES);
const name = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

// ── Districts (行政区划, GB/T 2260) ────────────────────────────────────────────

/** GB/T 2260 county-level codes have 6 digits; township codes (乡级) extend them to 9 or 12. */
export const districtCode = z
  .string()
  .trim()
  .regex(/^(\d{6}|\d{9}|\d{12})$/, { message: msg('区划代码应为 6、9 或 12 位数字（GB/T 2260）', 'A district code has 6, 9 or 12 digits (GB/T 2260)') });

export const districtSchema = z.object({
  code: z.string(),
  name: z.string(),
  parentCode: z.string().nullable(),
  level: z.number().int(),
  sort: z.number().int(),
  status,
  userCount: z.number().int(),
});
export type District = z.infer<typeof districtSchema>;

export const districtListQuery = z.strictObject({ keyword, status: status.optional() });
export const districtListResponse = z.object({ items: z.array(districtSchema) });

export const createDistrictBody = z.strictObject({
  code: districtCode,
  name: name(50),
  parentCode: districtCode.nullable(),
  level: z.number().int().min(1).max(4),
  sort: z.number().int().min(0).max(9999).default(0),
  status: status.default('active'),
});
export type CreateDistrictBody = z.infer<typeof createDistrictBody>;
export const updateDistrictBody = createDistrictBody.omit({ code: true });
export type UpdateDistrictBody = z.infer<typeof updateDistrictBody>;
export const districtCodeParam = z.strictObject({ code: districtCode });

// ── Departments (部门) ─────────────────────────────────────────────────────────

export const departmentSchema = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  ancestors: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  aliases: z.array(z.string()),
  kind: z.enum(DEPT_KINDS),
  districtCode: z.string().nullable(),
  leader: z.string().nullable(),
  phone: z.string().nullable(),
  sort: z.number().int(),
  status,
  userCount: z.number().int(),
  updatedAt: z.string(),
});
export type Department = z.infer<typeof departmentSchema>;

export const departmentListQuery = z.strictObject({ keyword, status: status.optional(), kind: z.enum(DEPT_KINDS).optional() });
export const departmentListResponse = z.object({ items: z.array(departmentSchema) });

const phone = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/, { message: msg('电话应为 11 位手机号或带区号的固定电话', 'A phone is an 11-digit mobile or a landline with area code') });

export const createDepartmentBody = z.strictObject({
  parentId: z.number().int().positive().nullable(),
  name: name(100),
  shortName: optionalText(50),
  aliases: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
  kind: z.enum(DEPT_KINDS),
  districtCode: districtCode.nullable().optional(),
  leader: optionalText(50),
  phone: phone.nullable().optional(),
  sort: z.number().int().min(0).max(9999).default(0),
  status: status.default('active'),
});
export type CreateDepartmentBody = z.infer<typeof createDepartmentBody>;
export const updateDepartmentBody = createDepartmentBody;
export type UpdateDepartmentBody = z.infer<typeof updateDepartmentBody>;

// ── Users (用户) ───────────────────────────────────────────────────────────────

export const userSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  deptId: z.number().int().nullable(),
  deptName: z.string().nullable(),
  districtCode: z.string().nullable(),
  districtName: z.string().nullable(),
  /** Masked (138****5678) in lists; full only on the edit view for users who may edit. */
  phone: z.string().nullable(),
  email: z.string().nullable(),
  enterpriseUscc: z.string().nullable(),
  status,
  roles: z.array(z.object({ id: z.number().int(), key: z.string(), name: z.string() })),
  locked: z.boolean(),
  lockedUntil: z.string().nullable(),
  /** From how many addresses logging in is paused now (the lockout counts per address). */
  lockedSources: z.number().int(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const userListQuery = z.strictObject({
  ...pageQuery,
  keyword,
  deptId: z.coerce.number().int().positive().optional(),
  districtCode: districtCode.optional(),
  roleId: z.coerce.number().int().positive().optional(),
  status: status.optional(),
});
export type UserListQuery = z.infer<typeof userListQuery>;
export const userListResponse = pageOf(userSchema);

const usccLike = z.string().trim().toUpperCase().length(18, { message: msg('统一社会信用代码应为 18 位', 'A unified social credit code has 18 characters') });

const userFields = {
  displayName: name(50),
  deptId: z.number().int().positive().nullable(),
  districtCode: districtCode.nullable().optional(),
  phone: phone.nullable().optional(),
  email: z.email({ message: msg('邮箱格式不正确', 'Not an e-mail address') }).max(100).nullable().optional(),
  enterpriseUscc: usccLike.nullable().optional(),
  status: status.default('active'),
  roleIds: z.array(z.number().int().positive()).min(1, { message: msg('至少选择一个角色', 'Choose at least one role') }).max(20),
};

export const createUserBody = z.strictObject({
  username,
  password: newPassword,
  ...userFields,
});
export type CreateUserBody = z.infer<typeof createUserBody>;
export const updateUserBody = z.strictObject(userFields);
export type UpdateUserBody = z.infer<typeof updateUserBody>;
/**
 * Where the account being created or edited sits, so that the roles offered are those the caller
 * may grant to it (a role's data scope is judged applied to the account). All optional.
 */
export const roleOptionsQuery = z.strictObject({
  deptId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  districtCode: districtCode.optional(),
  enterpriseUscc: usccLike.optional(),
});
export type RoleOptionsQuery = z.infer<typeof roleOptionsQuery>;
export const roleOptionsResponse = z.object({ items: z.array(z.object({ id: z.number(), key: z.string(), name: z.string() })) });
export type RoleOptionsResponse = z.infer<typeof roleOptionsResponse>;
export const resetPasswordBody = z.strictObject({ password: newPassword });
export type ResetPasswordBody = z.infer<typeof resetPasswordBody>;
export const setUserStatusBody = z.strictObject({ status });

// ── Roles (角色) ───────────────────────────────────────────────────────────────

export const roleSchema = z.object({
  id: z.number().int(),
  key: z.string(),
  name: z.string(),
  dataScope: z.enum(DATA_SCOPES),
  customDeptIds: z.array(z.number().int()),
  permissions: z.array(z.string()),
  sort: z.number().int(),
  status,
  builtin: z.boolean(),
  remark: z.string().nullable(),
  userCount: z.number().int(),
  updatedAt: z.string(),
});
export type Role = z.infer<typeof roleSchema>;

export const roleListQuery = z.strictObject({ ...pageQuery, keyword, status: status.optional() });
export const roleListResponse = pageOf(roleSchema);

export const createRoleBody = z.strictObject({
  key: z.string().trim().regex(/^[a-z][a-z0-9_]{1,39}$/, { message: msg('角色标识为小写字母开头的字母、数字、下划线，2–40 位', 'A role key is 2–40 lower-case letters, digits or _ starting with a letter') }),
  name: name(50),
  dataScope: z.enum(DATA_SCOPES),
  customDeptIds: z.array(z.number().int().positive()).max(500).default([]),
  permissions: z.array(z.string().max(100)).max(500),
  sort: z.number().int().min(0).max(9999).default(0),
  status: status.default('active'),
  remark: optionalText(500),
});
export type CreateRoleBody = z.infer<typeof createRoleBody>;
export const updateRoleBody = createRoleBody.omit({ key: true });
export type UpdateRoleBody = z.infer<typeof updateRoleBody>;

// ── Dictionaries (数据字典) ────────────────────────────────────────────────────

/** Words the API uses as path segments next to dictionary types (/dicts/all, /dicts/export). */
const RESERVED_DICT_TYPES = ['all', 'export'];

export const dictTypeKey = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,49}$/, { message: msg('字典类型为小写字母开头的字母、数字、下划线', 'A dictionary type is lower-case letters, digits or _ starting with a letter') })
  .refine((t) => !RESERVED_DICT_TYPES.includes(t), { message: msg('all 和 export 为保留字，不能作为字典类型', '"all" and "export" are reserved') });

export const dictTypeSchema = z.object({
  type: z.string(),
  nameZh: z.string(),
  nameEn: z.string().nullable(),
  builtin: z.boolean(),
  status,
  remark: z.string().nullable(),
  itemCount: z.number().int(),
});
export type DictType = z.infer<typeof dictTypeSchema>;

export const dictItemSchema = z.object({
  id: z.number().int(),
  dictType: z.string(),
  value: z.string(),
  labelZh: z.string(),
  labelEn: z.string().nullable(),
  color: z.string().nullable(),
  sort: z.number().int(),
  status,
  builtin: z.boolean(),
});
export type DictItem = z.infer<typeof dictItemSchema>;

export const dictTypeListQuery = z.strictObject({ ...pageQuery, keyword, status: status.optional() });
export const dictTypeListResponse = pageOf(dictTypeSchema);
export const dictTypeParam = z.strictObject({ type: dictTypeKey });
export const dictItemsResponse = z.object({ type: dictTypeSchema, items: z.array(dictItemSchema) });
/** Every active dictionary at once: the web loads this at start and renders every enum from it. */
export const allDictsResponse = z.record(z.string(), z.array(dictItemSchema));

export const createDictTypeBody = z.strictObject({
  type: dictTypeKey,
  nameZh: name(50),
  nameEn: optionalText(100),
  status: status.default('active'),
  remark: optionalText(500),
});
export type CreateDictTypeBody = z.infer<typeof createDictTypeBody>;
export const updateDictTypeBody = createDictTypeBody.omit({ type: true });
export type UpdateDictTypeBody = z.infer<typeof updateDictTypeBody>;

export const createDictItemBody = z.strictObject({
  value: z.string().trim().min(1).max(50),
  labelZh: name(100),
  labelEn: optionalText(100),
  color: z.string().trim().max(20).nullable().optional(),
  sort: z.number().int().min(0).max(9999).default(0),
  status: status.default('active'),
});
export type CreateDictItemBody = z.infer<typeof createDictItemBody>;
export const updateDictItemBody = createDictItemBody;
export type UpdateDictItemBody = z.infer<typeof updateDictItemBody>;

// ── Home page figures ──────────────────────────────────────────────────────────

export const overviewResponse = z.object({
  users: z.object({ total: z.number().int(), active: z.number().int(), locked: z.number().int() }),
  usersByRole: z.array(z.object({ key: z.string(), name: z.string(), count: z.number().int() })),
  departments: z.object({ total: z.number().int(), byKind: z.array(z.object({ kind: z.string(), count: z.number().int() })) }),
  districts: z.number().int(),
  recentOperations: z.array(
    z.object({
      id: z.number().int(),
      title: z.string(),
      operType: z.string(),
      operName: z.string().nullable(),
      /** 姓名（部门） of the operator's account, null when it no longer exists or for the CLI. */
      operDisplayName: z.string().nullable(),
      status: z.string(),
      operTime: z.string(),
    }),
  ),
  calendar: z.object({ years: z.array(z.number().int()), nextHoliday: z.object({ name: z.string(), date: z.string() }).nullable() }),
});
export type Overview = z.infer<typeof overviewResponse>;

// ── 公文发文机关 (official-document issuers) ─────────────────────────────────────

/** The official documents the product issues, each with its own issuing authority and 机关代字. */
export const DOC_ISSUER_KEYS = ['assessment-notice', 'credit-report'] as const;
export type DocIssuerKey = (typeof DOC_ISSUER_KEYS)[number];
export const docIssuerParam = z.strictObject({ key: z.enum(DOC_ISSUER_KEYS) });

export const docIssuerSchema = z.object({
  key: z.enum(DOC_ISSUER_KEYS),
  /** 发文机关全称: signs the document. */
  name: z.string(),
  /** 发文机关标志 printed in red at the head (the name, or the name + 文件). */
  mark: z.string(),
  /** 机关代字 of the 发文字号 (津质强办 in 津质强办〔2026〕3号). */
  prefix: z.string(),
  /** 印发机关 of the 版记. */
  printer: z.string(),
  /** True while nothing is stored: the coded default applies. */
  isDefault: z.boolean(),
  /** The 发文字号 the next document of this kind gets this year (a preview; numbers are given when issued). */
  nextNumber: z.string(),
  /** Numbers given this year under this 机关代字. */
  issuedThisYear: z.number().int(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type DocIssuer = z.infer<typeof docIssuerSchema>;
export const docIssuersResponse = z.object({ items: z.array(docIssuerSchema) });

export const updateDocIssuerBody = z.strictObject({
  name: name(100),
  mark: name(40),
  // 机关代字: Chinese characters (津质强办, 津市监信), as GB/T 9704 §7.2.4 prints them before 〔年份〕.
  prefix: z
    .string()
    .trim()
    .regex(/^[\u4e00-\u9fa5]{1,12}$/, { message: msg('机关代字为 1–12 个汉字，如“津质强办”', 'The issuer code is 1–12 Chinese characters, e.g. 津质强办') }),
  printer: name(100),
});
export type UpdateDocIssuerBody = z.infer<typeof updateDocIssuerBody>;

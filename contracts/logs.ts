import { z } from 'zod';
import { isoDate, keyword, pageOf, pageQuery } from './common.js';
import { OPER_TYPES } from './dicts.js';

// ── Operation log (操作日志, RuoYi sys_oper_log) ─────────────────────────────────

export const operLogSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  operType: z.enum(OPER_TYPES),
  method: z.string().nullable(),
  requestMethod: z.string(),
  operName: z.string().nullable(),
  deptName: z.string().nullable(),
  operUrl: z.string(),
  operIp: z.string().nullable(),
  operParam: z.string().nullable(),
  status: z.enum(['success', 'failure']),
  httpStatus: z.number().int(),
  errorCode: z.string().nullable(),
  errorMsg: z.string().nullable(),
  requestId: z.string(),
  operTime: z.string(),
  costTime: z.number().int(),
});
export type OperLog = z.infer<typeof operLogSchema>;

export const operLogListQuery = z.strictObject({
  ...pageQuery,
  keyword,
  operType: z.enum(OPER_TYPES).optional(),
  status: z.enum(['success', 'failure']).optional(),
  operName: z.string().trim().max(64).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type OperLogListQuery = z.infer<typeof operLogListQuery>;
export const operLogListResponse = pageOf(operLogSchema);

// ── Audit trail (审计日志, hash-chained) ─────────────────────────────────────────

export const auditEntrySchema = z.object({
  seq: z.number().int(),
  occurredAt: z.string(),
  actorId: z.number().int().nullable(),
  actorUsername: z.string().nullable(),
  actorRoles: z.array(z.string()),
  actorDeptId: z.number().int().nullable(),
  actorDeptName: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditListQuery = z.strictObject({
  ...pageQuery,
  keyword,
  action: z.string().trim().max(100).optional(),
  targetType: z.string().trim().max(100).optional(),
  targetId: z.string().trim().max(100).optional(),
  actor: z.string().trim().max(64).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type AuditListQuery = z.infer<typeof auditListQuery>;
export const auditListResponse = pageOf(auditEntrySchema);

export const auditVerifyResponse = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBadSeq: z.number().int().nullable(),
  reason: z.string().nullable(),
});
export type AuditVerifyResult = z.infer<typeof auditVerifyResponse>;

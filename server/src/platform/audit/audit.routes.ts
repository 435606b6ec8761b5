import { pickLang } from '../../../../contracts/i18n.js';
import { auditListQuery, auditListResponse, auditVerifyResponse, type AuditEntry } from '../../../../contracts/logs.js';
import { buildWorkbook, EXPORT_ROW_LIMIT, sendWorkbook, type ExcelColumn } from '../excel/excel.js';
import type { ZApp } from '../http/types.js';
import { listAuditEntries, verifyAuditChain } from './audit.service.js';

const TAG = ['审计日志 Audit trail'];

const AUDIT_EXPORT: ExcelColumn<AuditEntry>[] = [
  { header: '序号', width: 8, value: (e) => e.seq },
  { header: '时间', width: 20, value: (e) => new Date(e.occurredAt) },
  { header: '操作人', width: 14, value: (e) => e.actorUsername },
  { header: '角色', width: 18, value: (e) => e.actorRoles.join('、') },
  { header: '部门', width: 24, value: (e) => e.actorDeptName },
  { header: '动作', width: 26, value: (e) => e.action },
  { header: '对象类型', width: 14, value: (e) => e.targetType },
  { header: '对象编号', width: 12, value: (e) => e.targetId },
  { header: '变更前', width: 50, value: (e) => (e.before === null ? null : JSON.stringify(e.before)) },
  { header: '变更后', width: 50, value: (e) => (e.after === null ? null : JSON.stringify(e.after)) },
  { header: '请求编号', width: 20, value: (e) => e.requestId },
  { header: 'IP', width: 16, value: (e) => e.ip },
  { header: '哈希', width: 66, value: (e) => e.hash },
];

export function auditRoutes(app: ZApp): void {
  app.get('/api/monitor/audit', {
    config: { access: 'monitor:audit:list' },
    schema: { tags: TAG, summary: '审计日志 List audit entries', querystring: auditListQuery, response: { 200: auditListResponse } },
    handler: (request) => listAuditEntries(request.ctx().db, request.query),
  });

  app.get('/api/monitor/audit/export', {
    config: { access: 'monitor:audit:export', oplog: { title: '审计日志', type: 'export' } },
    schema: { tags: TAG, summary: '导出审计日志 Export audit entries (.xlsx)', querystring: auditListQuery.omit({ page: true, pageSize: true }) },
    handler: async (request, reply) => {
      const page = await listAuditEntries(request.ctx().db, { ...request.query, page: 1, pageSize: EXPORT_ROW_LIMIT });
      return sendWorkbook(reply, '审计日志', await buildWorkbook('审计日志', AUDIT_EXPORT, page.items, (_t, v) => v));
    },
  });

  app.post('/api/monitor/audit/verify', {
    config: { access: 'monitor:audit:verify', oplog: false },
    schema: { tags: TAG, summary: '校验审计哈希链 Verify the hash chain', response: { 200: auditVerifyResponse } },
    handler: async (request) => {
      const ctx = request.ctx();
      const result = await verifyAuditChain(ctx.db);
      return { ...result, reason: result.reason ? pickLang(result.reason, ctx.lang) : null };
    },
  });
}

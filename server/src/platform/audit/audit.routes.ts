import { pickLang } from '../../../../contracts/i18n.js';
import { auditListQuery, auditListResponse, auditVerifyResponse, type AuditEntry } from '../../../../contracts/logs.js';
import type { Executor } from '../../db/client.js';
import type { DictLabel } from '../excel/excel.js';
import { EXPORT_ROW_LIMIT, filterWords, sendExport, type ExportColumn } from '../excel/excel-export.js';
import type { ZApp } from '../http/types.js';
import { auditEntryBatches, listAuditEntries, verifyAuditChain } from './audit.service.js';

const TAG = ['审计日志 Audit trail'];
const exportQuery = auditListQuery.omit({ page: true, pageSize: true });

const AUDIT_EXPORT: ExportColumn<AuditEntry>[] = [
  { header: '序号', width: 8, type: 'number', value: (e) => e.seq },
  { header: '时间', width: 17, type: 'datetime', value: (e) => e.occurredAt },
  { header: '操作人', width: 14, value: (e) => e.actorUsername },
  { header: '角色', width: 18, value: (e) => e.actorRoles.join('、') },
  { header: '部门', width: 24, value: (e) => e.actorDeptName },
  { header: '动作', width: 22, value: (e, label) => label('sys_audit_action', e.action) },
  { header: '对象类型', width: 14, value: (e, label) => label('sys_audit_target', e.targetType) },
  { header: '对象编号', width: 12, value: (e) => e.targetId },
  { header: '变更前', width: 50, value: (e) => (e.before === null ? null : JSON.stringify(e.before)) },
  { header: '变更后', width: 50, value: (e) => (e.after === null ? null : JSON.stringify(e.after)) },
  { header: '请求编号', width: 20, value: (e) => e.requestId },
  { header: 'IP', width: 16, value: (e) => e.ip },
  { header: '哈希', width: 66, value: (e) => e.hash },
];

export interface AuditRouteDeps {
  label: (db: Executor) => Promise<DictLabel>;
  /** A role's name by its key (audit rows keep the keys the actor held; the export shows names). */
  roleNames: (db: Executor) => Promise<(key: string) => string | null>;
}

export function auditRoutes(app: ZApp, deps: AuditRouteDeps): void {
  app.get('/api/monitor/audit', {
    config: { access: 'monitor:audit:list' },
    schema: { tags: TAG, summary: '审计日志 List audit entries', querystring: auditListQuery, response: { 200: auditListResponse } },
    handler: (request) => listAuditEntries(request.ctx().db, request.query),
  });

  app.get('/api/monitor/audit/export', {
    config: { access: 'monitor:audit:export', oplog: { title: '审计日志', type: 'export' } },
    schema: { tags: TAG, summary: '导出审计日志 Export audit entries (.xlsx)', querystring: exportQuery },
    handler: async (request, reply) => {
      const db = request.ctx().db;
      const q = request.query;
      const [label, roleName] = await Promise.all([deps.label(db), deps.roleNames(db)]);
      const filters = filterWords([
        ['关键词', q.keyword],
        ['动作', q.action ? label('sys_audit_action', q.action) : null],
        ['对象类型', q.targetType ? label('sys_audit_target', q.targetType) : null],
        ['对象编号', q.targetId],
        ['操作人', q.actor],
        ['起始日期', q.from],
        ['截止日期', q.to],
      ]);
      return sendExport(reply, { title: '审计日志', filters, columns: AUDIT_EXPORT, rows: auditEntryBatches(db, q, roleName), label, maxRows: EXPORT_ROW_LIMIT });
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

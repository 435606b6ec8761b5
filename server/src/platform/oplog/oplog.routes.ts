import { operLogListQuery, operLogListResponse, type OperLog } from '../../../../contracts/logs.js';
import type { Executor } from '../../db/client.js';
import type { DictLabel } from '../excel/excel.js';
import { EXPORT_ROW_LIMIT, filterWords, sendExport, type ExportColumn } from '../excel/excel-export.js';
import type { ZApp } from '../http/types.js';
import { listOperations, operationBatches } from './oplog.service.js';

const TAG = ['操作日志 Operation log'];
const exportQuery = operLogListQuery.omit({ page: true, pageSize: true });

const OPERLOG_EXPORT: ExportColumn<OperLog>[] = [
  { header: '日志编号', width: 10, type: 'number', value: (o) => o.id },
  { header: '系统模块', width: 16, value: (o) => o.title },
  { header: '业务类型', width: 10, value: (o, label) => label('sys_oper_type', o.operType) },
  { header: '请求方式', width: 10, value: (o) => o.requestMethod },
  { header: '操作人员', width: 14, value: (o) => o.operName },
  { header: '部门', width: 24, value: (o) => o.deptName },
  { header: '请求地址', width: 40, value: (o) => o.operUrl },
  { header: '操作地址', width: 16, value: (o) => o.operIp },
  { header: '请求参数', width: 50, value: (o) => o.operParam },
  { header: '状态', width: 8, value: (o, label) => label('sys_oper_status', o.status) },
  { header: 'HTTP 状态', width: 10, type: 'number', value: (o) => o.httpStatus },
  { header: '错误码', width: 20, value: (o) => o.errorCode },
  { header: '错误信息', width: 40, value: (o) => o.errorMsg },
  { header: '请求编号', width: 20, value: (o) => o.requestId },
  { header: '操作时间', width: 17, type: 'datetime', value: (o) => o.operTime },
  { header: '耗时(毫秒)', width: 10, type: 'number', value: (o) => o.costTime },
];

export function oplogRoutes(app: ZApp, deps: { label: (db: Executor) => Promise<DictLabel> }): void {
  app.get('/api/monitor/operlog', {
    config: { access: 'monitor:operlog:list' },
    schema: { tags: TAG, summary: '操作日志 List operations', querystring: operLogListQuery, response: { 200: operLogListResponse } },
    handler: (request) => listOperations(request.ctx().db, request.query),
  });

  app.get('/api/monitor/operlog/export', {
    config: { access: 'monitor:operlog:export', oplog: { title: '操作日志', type: 'export' } },
    schema: { tags: TAG, summary: '导出操作日志 Export operations (.xlsx)', querystring: exportQuery },
    handler: async (request, reply) => {
      const db = request.ctx().db;
      const q = request.query;
      const label = await deps.label(db);
      const filters = filterWords([
        ['关键词', q.keyword],
        ['业务类型', q.operType ? label('sys_oper_type', q.operType) : null],
        ['状态', q.status ? label('sys_oper_status', q.status) : null],
        ['操作人员', q.operName],
        ['起始日期', q.from],
        ['截止日期', q.to],
      ]);
      return sendExport(reply, { title: '操作日志', filters, columns: OPERLOG_EXPORT, rows: operationBatches(db, q), label, maxRows: EXPORT_ROW_LIMIT });
    },
  });
}

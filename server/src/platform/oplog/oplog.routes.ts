import { operLogListQuery, operLogListResponse, type OperLog } from '../../../../contracts/logs.js';
import type { Executor } from '../../db/client.js';
import { buildWorkbook, EXPORT_ROW_LIMIT, sendWorkbook, type ExcelColumn } from '../excel/excel.js';
import type { ZApp } from '../http/types.js';
import { listOperations } from './oplog.service.js';

const TAG = ['操作日志 Operation log'];

const OPERLOG_EXPORT: ExcelColumn<OperLog>[] = [
  { header: '日志编号', width: 10, value: (o) => o.id },
  { header: '系统模块', width: 16, value: (o) => o.title },
  { header: '业务类型', width: 10, value: (o, label) => label('sys_oper_type', o.operType) },
  { header: '请求方式', width: 10, value: (o) => o.requestMethod },
  { header: '操作人员', width: 14, value: (o) => o.operName },
  { header: '部门', width: 24, value: (o) => o.deptName },
  { header: '请求地址', width: 40, value: (o) => o.operUrl },
  { header: '操作地址', width: 16, value: (o) => o.operIp },
  { header: '请求参数', width: 50, value: (o) => o.operParam },
  { header: '状态', width: 8, value: (o, label) => label('sys_oper_status', o.status) },
  { header: 'HTTP 状态', width: 10, value: (o) => o.httpStatus },
  { header: '错误码', width: 20, value: (o) => o.errorCode },
  { header: '错误信息', width: 40, value: (o) => o.errorMsg },
  { header: '请求编号', width: 20, value: (o) => o.requestId },
  { header: '操作时间', width: 20, value: (o) => new Date(o.operTime) },
  { header: '耗时(毫秒)', width: 10, value: (o) => o.costTime },
];

export function oplogRoutes(app: ZApp, deps: { label: (db: Executor) => Promise<(type: string, value: string) => string> }): void {
  app.get('/api/monitor/operlog', {
    config: { access: 'monitor:operlog:list' },
    schema: { tags: TAG, summary: '操作日志 List operations', querystring: operLogListQuery, response: { 200: operLogListResponse } },
    handler: (request) => listOperations(request.ctx().db, request.query),
  });

  app.get('/api/monitor/operlog/export', {
    config: { access: 'monitor:operlog:export', oplog: { title: '操作日志', type: 'export' } },
    schema: { tags: TAG, summary: '导出操作日志 Export operations (.xlsx)', querystring: operLogListQuery.omit({ page: true, pageSize: true }) },
    handler: async (request, reply) => {
      const db = request.ctx().db;
      const page = await listOperations(db, { ...request.query, page: 1, pageSize: EXPORT_ROW_LIMIT });
      return sendWorkbook(reply, '操作日志', await buildWorkbook('操作日志', OPERLOG_EXPORT, page.items, await deps.label(db)));
    },
  });
}

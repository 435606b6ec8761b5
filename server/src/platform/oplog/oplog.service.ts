/** Reading the operation log. */
import type { Page } from '../../../../contracts/common.js';
import type { OperLog, OperLogListQuery } from '../../../../contracts/logs.js';
import type { Executor } from '../../db/client.js';
import { dayAfter, dayStart, pageWindow } from '../../db/query-helpers.js';
import { keysetBatches } from '../excel/excel-export.js';
import { listOperLogs, operLogsBefore, type OperLogFilter, type OperLogRow } from './oplog.repository.js';

export function toOperLog(r: OperLogRow): OperLog {
  return {
    id: r.id,
    title: r.title,
    operType: r.operType as OperLog['operType'],
    method: r.method,
    requestMethod: r.requestMethod,
    operName: r.operName,
    deptName: r.deptName,
    operUrl: r.operUrl,
    operIp: r.operIp,
    operParam: r.operParam,
    status: r.status as OperLog['status'],
    httpStatus: r.httpStatus,
    errorCode: r.errorCode,
    errorMsg: r.errorMsg,
    requestId: r.requestId,
    operTime: r.operTime.toISOString(),
    costTime: r.costTime,
  };
}

function operLogFilter(q: Omit<OperLogListQuery, 'page' | 'pageSize'>): OperLogFilter {
  return {
    keyword: q.keyword,
    operType: q.operType,
    status: q.status,
    operName: q.operName,
    fromTime: q.from ? dayStart(q.from) : undefined,
    toTime: q.to ? dayAfter(q.to) : undefined,
  };
}

export async function listOperations(db: Executor, q: OperLogListQuery): Promise<Page<OperLog>> {
  const { rows, total } = await listOperLogs(db, operLogFilter(q), pageWindow(q.page, q.pageSize));
  return { items: rows.map(toOperLog), total, page: q.page, pageSize: q.pageSize };
}

/** The operations of the list, newest first, in batches (the export). */
export function operationBatches(db: Executor, q: Omit<OperLogListQuery, 'page' | 'pageSize'>): AsyncGenerator<readonly OperLog[]> {
  const f = operLogFilter(q);
  return keysetBatches(
    async (before: number | null, size) => (await operLogsBefore(db, f, before, size)).map(toOperLog),
    (o) => o.id,
  );
}

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Page } from '@contracts/common';
import type { OperLog } from '@contracts/logs';
import { api } from '@/lib/api-client';

/** The list filters; the export takes the same ones. Dates are YYYY-MM-DD, both ends included. */
export interface OperLogFilter {
  keyword?: string;
  operType?: string;
  status?: string;
  operName?: string;
  from?: string;
  to?: string;
}

export interface OperLogQuery extends OperLogFilter {
  page: number;
  pageSize: number;
}

export function getOperLogs(q: OperLogQuery): Promise<Page<OperLog>> {
  return api.get('/api/monitor/operlog', { ...q });
}

export function useOperLogs(q: OperLogQuery) {
  return useQuery({ queryKey: ['operlog', q], queryFn: () => getOperLogs(q), placeholderData: keepPreviousData });
}

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Page } from '@contracts/common';
import type { AuditEntry } from '@contracts/logs';
import { api } from '@/lib/api-client';

/** The list filters; the export takes the same ones. Dates are YYYY-MM-DD, both ends included. */
export interface AuditFilter {
  keyword?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  actor?: string;
  from?: string;
  to?: string;
}

export interface AuditQuery extends AuditFilter {
  page: number;
  pageSize: number;
}

export function getAuditEntries(q: AuditQuery): Promise<Page<AuditEntry>> {
  return api.get('/api/monitor/audit', { ...q });
}

export function useAuditEntries(q: AuditQuery) {
  return useQuery({ queryKey: ['audit', q], queryFn: () => getAuditEntries(q), placeholderData: keepPreviousData });
}

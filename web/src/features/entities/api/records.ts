import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '@contracts/common';
import type { ArchiveRecord, RecordBody } from '@contracts/entities';
import { api } from '@/lib/api-client';

export interface RecordFilter {
  kind?: string;
  visibility?: string;
  from?: string;
  to?: string;
}

const path = (uscc: string) => `/api/entities/${encodeURIComponent(uscc)}/records`;

export function getRecords(uscc: string, q: RecordFilter & { page: number; pageSize: number }): Promise<Page<ArchiveRecord>> {
  return api.get(path(uscc), { ...q });
}

/** One page of an entity's archive, newest first. */
export function useRecords(uscc: string, q: RecordFilter & { page: number; pageSize: number }) {
  return useQuery({ queryKey: ['entities', 'records', uscc, q], queryFn: () => getRecords(uscc, q), placeholderData: keepPreviousData });
}

/** Add a record (or a correction: `correctsId`, with `retracts` to withdraw). The grade may change: refresh credit too. */
export function useAddRecord(uscc: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordBody) => api.post<ArchiveRecord>(path(uscc), body),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: ['entities', 'records', uscc] }),
        qc.invalidateQueries({ queryKey: ['entities', 'detail', uscc] }),
        qc.invalidateQueries({ queryKey: ['entities', 'credit', uscc] }),
        qc.invalidateQueries({ queryKey: ['entities', 'list'] }),
      ]),
  });
}

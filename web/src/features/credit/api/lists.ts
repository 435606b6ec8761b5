import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  ApproveListEntryBody,
  CreateListEntryBody,
  CreditList,
  ListAlerts,
  ListEntry,
  ListStatus,
  RemoveListEntryBody,
  RevokeListEntryBody,
  CureListEntryBody,
} from '@contracts/credit-lists';
import type { District } from '@contracts/system';
import { api } from '@/lib/api-client';
import { useAuth } from '@/lib/auth';

export interface ListFilter {
  list?: CreditList;
  status?: ListStatus;
  districtCode?: string;
  keyword?: string;
  overdue?: 'true';
}

export interface Page<T> {
  items: T[];
  total: number;
}

/** Everything credit-related may change after a list step (alerts, evaluations, repairs). */
export function invalidateCredit(qc: QueryClient): Promise<unknown> {
  return Promise.all([qc.invalidateQueries({ queryKey: ['credit'] }), qc.invalidateQueries({ queryKey: ['entities', 'credit'] })]);
}

export function getListEntries(query: ListFilter & { page: number; pageSize: number }): Promise<Page<ListEntry>> {
  return api.get('/api/credit/lists', { ...query });
}

/** One page of list entries, each with its next statutory step as a countdown. */
export function useListEntries(query: ListFilter & { page: number; pageSize: number }) {
  return useQuery({ queryKey: ['credit', 'lists', query], queryFn: () => getListEntries(query), placeholderData: (prev) => prev });
}

export function useListEntry(id: number | null) {
  return useQuery({ queryKey: ['credit', 'list', id], queryFn: () => api.get<ListEntry>(`/api/credit/lists/${id}`), enabled: id !== null });
}

/** Overdue and due-soon statutory steps on the lists (the dashboard's flags). */
export function useListAlerts(enabled = true) {
  return useQuery({ queryKey: ['credit', 'lists', 'alerts'], queryFn: () => api.get<ListAlerts>('/api/credit/lists/alerts'), enabled });
}

/** An entity's entries (the enterprise's own, for the repair form). */
export function useEntityEntries(uscc: string | null) {
  return useQuery({
    queryKey: ['credit', 'entity-lists', uscc],
    queryFn: () => api.get<ListEntry[]>(`/api/credit/entities/${encodeURIComponent(uscc!)}/lists`),
    enabled: uscc !== null,
  });
}

/** The districts for the filter (only for users allowed to list them). */
export function useDistrictOptions() {
  const { can } = useAuth();
  return useQuery({ queryKey: ['districts', {}], queryFn: () => api.get<{ items: District[] }>('/api/system/districts'), enabled: can('system:district:list') });
}

function useCreditMutation<V>(fn: (v: V) => Promise<ListEntry>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => invalidateCredit(qc) });
}

export const useCreateListEntry = () => useCreditMutation((body: CreateListEntryBody) => api.post<ListEntry>('/api/credit/lists', body));
export const useApproveListEntry = () =>
  useCreditMutation(({ id, ...body }: ApproveListEntryBody & { id: number }) => api.post<ListEntry>(`/api/credit/lists/${id}/approve`, body));
export const usePublishListEntry = () => useCreditMutation((id: number) => api.post<ListEntry>(`/api/credit/lists/${id}/publish`, {}));
export const useCureListEntry = () => useCreditMutation(({ id, ...body }: CureListEntryBody & { id: number }) => api.post<ListEntry>(`/api/credit/lists/${id}/cure`, body));
export const useRemoveListEntry = () => useCreditMutation(({ id, ...body }: RemoveListEntryBody & { id: number }) => api.post<ListEntry>(`/api/credit/lists/${id}/remove`, body));
export const useRevokeListEntry = () => useCreditMutation(({ id, ...body }: RevokeListEntryBody & { id: number }) => api.post<ListEntry>(`/api/credit/lists/${id}/revoke`, body));

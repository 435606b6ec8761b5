import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SanctionQueryLogItem, SanctionRule, Sanctions } from '@contracts/credit-repair';
import { api } from '@/lib/api-client';
import type { Page } from './lists';

export type { SanctionQueryLogItem };

/** Ask which measures apply to an entity (the server logs every query). */
export function querySanctions(uscc: string, purpose: string | undefined): Promise<Sanctions> {
  return api.get(`/api/credit/entities/${encodeURIComponent(uscc)}/sanctions`, { purpose });
}

export function useSanctionRules() {
  return useQuery({ queryKey: ['credit', 'sanction-rules'], queryFn: () => api.get<{ items: SanctionRule[] }>('/api/credit/sanction-rules') });
}

export function useSanctionQueryLog(query: { uscc?: string; page: number; pageSize: number }, enabled: boolean) {
  return useQuery({
    queryKey: ['credit', 'sanction-queries', query],
    queryFn: () => api.get<Page<SanctionQueryLogItem>>('/api/credit/sanction-queries', { ...query }),
    enabled,
    placeholderData: (prev) => prev,
  });
}

export function useUpdateSanctionRule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: number; description: string; basis: string; appliedBy: string | null; status: 'active' | 'disabled' }) =>
      api.put<SanctionRule>(`/api/credit/sanction-rules/${id}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['credit', 'sanction-rules'] }),
  });
}

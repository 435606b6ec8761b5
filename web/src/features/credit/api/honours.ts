import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateHonourRoundBody, HonourRound, HonourRoundDetail } from '@contracts/credit-lists';
import { api } from '@/lib/api-client';
import { invalidateCredit, type Page } from './lists';

export interface HonourFilter {
  list?: 'red' | 'black';
  status?: HonourRound['status'];
}

export function useHonourRounds(query: HonourFilter & { page: number; pageSize: number }) {
  return useQuery({ queryKey: ['credit', 'honours', query], queryFn: () => api.get<Page<HonourRound>>('/api/credit/honours', { ...query }), placeholderData: (prev) => prev });
}

/** A round with its members. */
export function useHonourRound(id: number | null) {
  return useQuery({ queryKey: ['credit', 'honour', id], queryFn: () => api.get<HonourRoundDetail>(`/api/credit/honours/${id}`), enabled: id !== null });
}

function useRoundMutation<V>(fn: (v: V) => Promise<HonourRoundDetail>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => invalidateCredit(qc) });
}

export const useCompileRound = () => useRoundMutation((body: CreateHonourRoundBody) => api.post<HonourRoundDetail>('/api/credit/honours', body));
export const useSubmitRound = () => useRoundMutation((id: number) => api.post<HonourRoundDetail>(`/api/credit/honours/${id}/submit`, {}));
export const useApproveRound = () =>
  useRoundMutation(({ id, approve, comment }: { id: number; approve: boolean; comment?: string }) => api.post<HonourRoundDetail>(`/api/credit/honours/${id}/approve`, { approve, comment }));
export const usePublishRound = () => useRoundMutation((id: number) => api.post<HonourRoundDetail>(`/api/credit/honours/${id}/publish`, {}));

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreditModelDetail, CreditModelDto, EvaluationStats, ModelKind, RecomputeResponse } from '@contracts/credit-scoring';
import { api } from '@/lib/api-client';
import { invalidateCredit } from './lists';

export function useModels(kind: ModelKind) {
  return useQuery({ queryKey: ['credit', 'models', kind], queryFn: () => api.get<{ items: CreditModelDto[] }>('/api/credit/models', { kind }) });
}

export function useModel(id: number | null) {
  return useQuery({ queryKey: ['credit', 'model', id], queryFn: () => api.get<CreditModelDetail>(`/api/credit/models/${id}`), enabled: id !== null });
}

/** Counts per grade and risk class (risk classes only for readers allowed to see them). */
export function useEvaluationStats(enabled = true) {
  return useQuery({ queryKey: ['credit', 'stats'], queryFn: () => api.get<EvaluationStats>('/api/credit/evaluations/stats'), enabled });
}

export function useActivateModel() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (id: number) => api.post<CreditModelDetail>(`/api/credit/models/${id}/activate`, {}), onSuccess: () => invalidateCredit(qc) });
}

export function useRecompute() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (kind?: ModelKind) => api.post<RecomputeResponse>('/api/credit/evaluations/recompute', kind ? { kind } : {}), onSuccess: () => invalidateCredit(qc) });
}

import { useQuery } from '@tanstack/react-query';
import type { EvaluationStats } from '@contracts/credit-scoring';
import type { EntityListResponse } from '@contracts/entities';
import { api } from '@/lib/api-client';

/** Grades (and, for those who may see them, risk classes) of the entities in the caller's territory. */
export function useTerritoryGrades(enabled: boolean) {
  return useQuery({ queryKey: ['home', 'territory-grades'], queryFn: (): Promise<EvaluationStats> => api.get('/api/credit/evaluations/stats'), enabled });
}

/** How many entities of the territory match a registry filter (only the total is read). */
export function useTerritoryCount(filter: Record<string, string>, enabled: boolean) {
  return useQuery({
    queryKey: ['home', 'territory-count', filter],
    queryFn: async () => (await api.get<EntityListResponse>('/api/entities', { ...filter, page: 1, pageSize: 1 })).total,
    enabled,
  });
}

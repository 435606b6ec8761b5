import { useQuery } from '@tanstack/react-query';
import type { ListEntry } from '@contracts/credit-lists';
import type { EntityEvaluationResponse } from '@contracts/credit-scoring';
import { api } from '@/lib/api-client';

const path = (uscc: string) => `/api/credit/entities/${encodeURIComponent(uscc)}`;

export function getEvaluation(uscc: string): Promise<EntityEvaluationResponse> {
  return api.get<EntityEvaluationResponse>(`${path(uscc)}/evaluation`);
}

/** The entity's grade (and risk class for staff allowed to see it) with the explanation per indicator. */
export function useEvaluation(uscc: string, enabled: boolean) {
  return useQuery({ queryKey: ['entities', 'credit', uscc, 'evaluation'], queryFn: () => getEvaluation(uscc), enabled, retry: false });
}

export function getEntityLists(uscc: string): Promise<ListEntry[]> {
  return api.get<ListEntry[]>(`${path(uscc)}/lists`);
}

/** The entity's credit-list entries, each with its next statutory deadline. */
export function useEntityLists(uscc: string, enabled: boolean) {
  return useQuery({ queryKey: ['entities', 'credit', uscc, 'lists'], queryFn: () => getEntityLists(uscc), enabled, retry: false });
}

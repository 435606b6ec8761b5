import { useQuery } from '@tanstack/react-query';
import type { ListEntry } from '@contracts/credit-lists';
import type { EntityEvaluationResponse } from '@contracts/credit-scoring';
import { api, ApiError } from '@/lib/api-client';

const path = (uscc: string) => `/api/credit/entities/${encodeURIComponent(uscc)}`;

/** null: the credit routes are not installed on this server (404 on the route itself), so the tab says so. */
async function orUnavailable<T>(load: () => Promise<T>): Promise<T | null> {
  try {
    return await load();
  } catch (err) {
    if (err instanceof ApiError && err.status === 404 && err.code !== 'ENTITY_UNKNOWN') return null;
    throw err;
  }
}

export function getEvaluation(uscc: string): Promise<EntityEvaluationResponse | null> {
  return orUnavailable(() => api.get<EntityEvaluationResponse>(`${path(uscc)}/evaluation`));
}

/** The entity's grade (and risk class for staff allowed to see it) with the explanation per indicator. */
export function useEvaluation(uscc: string, enabled: boolean) {
  return useQuery({ queryKey: ['entities', 'credit', uscc, 'evaluation'], queryFn: () => getEvaluation(uscc), enabled, retry: false });
}

export async function getEntityLists(uscc: string): Promise<ListEntry[] | null> {
  const r = await orUnavailable(() => api.get<ListEntry[] | { items: ListEntry[] }>(`${path(uscc)}/lists`));
  if (r === null) return null;
  return Array.isArray(r) ? r : r.items;
}

/** The entity's credit-list entries, each with its next statutory deadline. */
export function useEntityLists(uscc: string, enabled: boolean) {
  return useQuery({ queryKey: ['entities', 'credit', uscc, 'lists'], queryFn: () => getEntityLists(uscc), enabled, retry: false });
}

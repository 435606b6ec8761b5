import { useQuery } from '@tanstack/react-query';
import type { PlanDetail } from '@contracts/plans';
import { api } from '@/lib/api-client';

export const planKey = (id: number) => ['plans', 'detail', id] as const;

export function getPlan(id: number): Promise<PlanDetail> {
  return api.get(`/api/plans/${id}`);
}

/**
 * One plan with its draft, the source text and the unit suggestions. Loaded afresh whenever the
 * review page opens (someone may have saved meanwhile), then never in the background: the page
 * edits a local copy, which must not be replaced under the user's hands.
 */
export function usePlan(id: number) {
  return useQuery({ queryKey: planKey(id), queryFn: () => getPlan(id), enabled: Number.isInteger(id) && id > 0, staleTime: Infinity, refetchOnMount: 'always' });
}

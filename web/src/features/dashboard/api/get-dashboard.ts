import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Dashboard } from '@contracts/plans';
import { api } from '@/lib/api-client';

export function getDashboard(planId: number | undefined): Promise<Dashboard> {
  return api.get('/api/plans/dashboard', { planId });
}

/**
 * The supervision dashboard in the caller's scope, for one plan or all. Kept under ['plans'] so a
 * report, a review or a publication (which invalidate ['plans']) refresh it.
 */
export function useDashboard(planId: number | undefined) {
  return useQuery({ queryKey: ['plans', 'dashboard', planId ?? null], queryFn: () => getDashboard(planId), placeholderData: keepPreviousData });
}

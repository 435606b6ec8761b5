import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Page } from '@contracts/common';
import type { Plan, PlanStatus } from '@contracts/plans';
import { api } from '@/lib/api-client';

export interface PlanFilter {
  keyword?: string;
  status?: PlanStatus;
}

export type PlanListQuery = PlanFilter & { page: number; pageSize: number };

export function getPlans(q: PlanListQuery): Promise<Page<Plan>> {
  return api.get('/api/plans', { ...q });
}

/** One page of plans, newest first; the previous page stays shown while the next loads. */
export function usePlans(q: PlanListQuery) {
  return useQuery({ queryKey: ['plans', 'list', q], queryFn: () => getPlans(q), placeholderData: keepPreviousData });
}

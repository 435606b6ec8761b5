import { useQuery } from '@tanstack/react-query';
import type { Page } from '@contracts/common';
import type { Plan } from '@contracts/plans';
import { api } from '@/lib/api-client';
import { useAuth } from '@/lib/auth';

export function getPublishedPlans(): Promise<Page<Plan>> {
  return api.get('/api/plans', { status: 'published', pageSize: 200 });
}

/** Published plans for the plan filter (only for users who may list plans). */
export function usePlanOptions() {
  const { can } = useAuth();
  return useQuery({ queryKey: ['plans', 'options'], queryFn: getPublishedPlans, enabled: can('plans:plan:list') });
}

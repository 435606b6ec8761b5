import { useQuery } from '@tanstack/react-query';
import type { TaskUnit } from '@contracts/plans';
import { api } from '@/lib/api-client';

export function getTaskUnits(planId?: number): Promise<{ items: TaskUnit[] }> {
  return api.get('/api/tasks/units', planId ? { planId } : {});
}

/** The units (责任单位) holding tasks the caller can see — of one plan when it is chosen — for the unit filter. */
export function useTaskUnits(planId?: number) {
  return useQuery({ queryKey: ['tasks', 'units', planId ?? null], queryFn: () => getTaskUnits(planId) });
}

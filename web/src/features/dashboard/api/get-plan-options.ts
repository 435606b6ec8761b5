import { useQuery } from '@tanstack/react-query';
import type { Page } from '@contracts/common';
import type { Plan, Task } from '@contracts/plans';
import { api } from '@/lib/api-client';
import { useAuth } from '@/lib/auth';

export interface PlanOption {
  id: number;
  title: string;
}

/** Tasks read to find the plans of a unit that may not list plans (a unit rarely has more). */
const TASK_SAMPLE = 200;

export async function getPlanOptions(canListPlans: boolean): Promise<PlanOption[]> {
  if (canListPlans) {
    const page = await api.get<Page<Plan>>('/api/plans', { status: 'published', pageSize: 200 });
    return page.items.map((p) => ({ id: p.id, title: p.title }));
  }
  // Units may not list plans: the plans their own tasks belong to.
  const tasks = await api.get<Page<Task>>('/api/tasks', { pageSize: TASK_SAMPLE });
  const byId = new Map<number, string>();
  for (const task of tasks.items) byId.set(task.planId, task.planTitle);
  return [...byId].map(([id, title]) => ({ id, title })).sort((a, b) => b.id - a.id);
}

/** The plans the selector offers: the published plans, or (for units) the plans of their tasks. */
export function usePlanOptions() {
  const { can } = useAuth();
  const canListPlans = can('plans:plan:list');
  return useQuery({ queryKey: ['plans', 'dashboard-options', canListPlans], queryFn: () => getPlanOptions(canListPlans) });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Plan } from '@contracts/plans';
import { api } from '@/lib/api-client';

export interface PublishResult {
  plan: Plan;
  tasksCreated: number;
  indicatorsCreated: number;
}

export function publishPlan(id: number, version: number): Promise<PublishResult> {
  return api.post(`/api/plans/${id}/publish`, { version });
}

/** Publish: one task per item and responsible department. Plans, tasks and to-do lists change. */
export function usePublishPlan(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => publishPlan(id, version),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: ['plans'] }), qc.invalidateQueries({ queryKey: ['tasks'] }), qc.invalidateQueries({ queryKey: ['todo'] })]),
  });
}

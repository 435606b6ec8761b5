import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Plan, PublishPlanBody } from '@contracts/plans';
import { api } from '@/lib/api-client';

export interface PublishResult {
  plan: Plan;
  tasksCreated: number;
  indicatorsCreated: number;
  overdueTasks: number;
  movedTasks: number;
}

/**
 * Publish at `version`. When deadlines have passed the server wants `pastDue` (keep them, or move
 * them to `moveTo`) and answers 409 PLAN_DEADLINES_PASSED, with what would be overdue, without it.
 */
export function publishPlan(id: number, body: PublishPlanBody): Promise<PublishResult> {
  return api.post(`/api/plans/${id}/publish`, body);
}

/** Publish: one task per item and responsible department. Plans, tasks and to-do lists change. */
export function usePublishPlan(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PublishPlanBody) => publishPlan(id, body),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: ['plans'] }), qc.invalidateQueries({ queryKey: ['tasks'] }), qc.invalidateQueries({ queryKey: ['todo'] })]),
  });
}

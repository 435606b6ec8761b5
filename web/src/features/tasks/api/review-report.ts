import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TaskReport } from '@contracts/plans';
import { api } from '@/lib/api-client';
import { invalidateTaskData } from './invalidate';

export interface ReviewInput {
  reportId: number;
  decision: 'accept' | 'return';
  comment: string | null;
}

export function reviewReport({ reportId, decision, comment }: ReviewInput): Promise<TaskReport> {
  return api.post(`/api/plans/reports/${reportId}/review`, { decision, comment });
}

/** The quality office accepts a report (the task takes its percentage) or returns it with a reason. */
export function useReviewReport() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: reviewReport, onSuccess: () => invalidateTaskData(qc) });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BatchRemindBody, BatchRemindResult } from '@contracts/plans';
import { api } from '@/lib/api-client';
import { invalidateTaskData } from './invalidate';

/** 批量督办 of chosen tasks or of all that match the filters; `dryRun` only counts. */
export function batchRemind(body: BatchRemindBody): Promise<BatchRemindResult> {
  return api.post('/api/tasks/batch-reminders', body);
}

/** The count a user confirms before sending (nothing is sent). */
export function useBatchRemindPreview() {
  return useMutation({ mutationFn: (body: Omit<BatchRemindBody, 'dryRun'>) => batchRemind({ ...body, dryRun: true }) });
}

export function useBatchRemind() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: Omit<BatchRemindBody, 'dryRun'>) => batchRemind({ ...body, dryRun: false }), onSuccess: () => invalidateTaskData(qc) });
}

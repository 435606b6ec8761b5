import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TaskReport } from '@contracts/plans';
import { api } from '@/lib/api-client';
import { invalidateTaskData } from './invalidate';

export interface ReportInput {
  text: string;
  percent: number;
  indicatorValues?: { indicatorId: number; value: number }[];
}

export function submitReport(taskId: number, body: ReportInput): Promise<TaskReport> {
  return api.post(`/api/tasks/${taskId}/reports`, body);
}

/** The responsible unit reports progress (only on its own tasks: 403 NOT_YOUR_TASK otherwise). */
export function useSubmitReport(taskId: number) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: ReportInput) => submitReport(taskId, body), onSuccess: () => invalidateTaskData(qc) });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Reminder } from '@contracts/plans';
import { api } from '@/lib/api-client';
import { invalidateTaskData } from './invalidate';

export interface RemindInput {
  taskId: number;
  message: string;
  respondWithinDays: number;
}

export function remindTask({ taskId, ...body }: RemindInput): Promise<Reminder> {
  return api.post(`/api/tasks/${taskId}/reminders`, body);
}

/** 督办: a formal reminder the unit must answer within N working days. */
export function useRemindTask() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: remindTask, onSuccess: () => invalidateTaskData(qc) });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Reminder } from '@contracts/plans';
import { api } from '@/lib/api-client';
import { invalidateTaskData } from './invalidate';

export function respondReminder({ reminderId, response }: { reminderId: number; response: string }): Promise<Reminder> {
  return api.post(`/api/plans/reminders/${reminderId}/response`, { response });
}

/** The unit answers a reminder (once). */
export function useRespondReminder() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: respondReminder, onSuccess: () => invalidateTaskData(qc) });
}

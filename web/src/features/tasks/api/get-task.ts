import { useQuery } from '@tanstack/react-query';
import type { TaskDetail } from '@contracts/plans';
import { api } from '@/lib/api-client';

export function getTask(id: number): Promise<TaskDetail> {
  return api.get(`/api/tasks/${id}`);
}

/** One task with its reports and reminders, and whether the caller may report on it. */
export function useTask(id: number | null) {
  return useQuery({ queryKey: ['tasks', 'detail', id], queryFn: () => getTask(id!), enabled: id !== null, staleTime: 0 });
}

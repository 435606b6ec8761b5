import { useQuery } from '@tanstack/react-query';
import type { Todo } from '@contracts/plans';
import { api } from '@/lib/api-client';

export function getTodo(days: number): Promise<Todo> {
  return api.get('/api/plans/todo', { days });
}

/** The caller's to-do list (tasks due soon or overdue, unanswered reminders, reports to review). */
export function useTodo(enabled: boolean, days = 5) {
  return useQuery({ queryKey: ['todo', days], queryFn: () => getTodo(days), enabled });
}

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Page } from '@contracts/common';
import type { Task, TaskStatus, UnitRole } from '@contracts/plans';
import { api } from '@/lib/api-client';

/** The list filters (also read from the address: /tasks?planId=3&due=overdue). */
export interface TaskFilter {
  keyword?: string;
  planId?: number;
  status?: TaskStatus;
  due?: 'soon' | 'overdue';
  /** The responsible unit, and its role in the task. */
  deptId?: number;
  role?: UnitRole;
  /** `open`: tasks with an unanswered reminder. */
  reminders?: 'open';
}

export type TaskListQuery = TaskFilter & { page: number; pageSize: number };

export function getTasks(q: TaskListQuery): Promise<Page<Task>> {
  return api.get('/api/tasks', { ...q });
}

/** One page of the tasks in the caller's scope; the previous page stays shown while the next loads. */
export function useTasks(q: TaskListQuery) {
  return useQuery({ queryKey: ['tasks', 'list', q], queryFn: () => getTasks(q), placeholderData: keepPreviousData });
}

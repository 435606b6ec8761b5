import type { QueryClient } from '@tanstack/react-query';

/** After a report, a review or a reminder: the task, the lists, the to-do list and plan completion may all change. */
export function invalidateTaskData(qc: QueryClient): Promise<unknown> {
  return Promise.all([qc.invalidateQueries({ queryKey: ['tasks'] }), qc.invalidateQueries({ queryKey: ['todo'] }), qc.invalidateQueries({ queryKey: ['plans'] })]);
}

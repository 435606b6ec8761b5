import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { JobRunNowResponse } from '@contracts/jobs';
import { api } from '@/lib/api-client';

export function runJob(name: string): Promise<JobRunNowResponse> {
  return api.post(`/api/system/jobs/${encodeURIComponent(name)}/run`);
}

/** 立即执行: starts the run (409 JOB_RUNNING when it is already running on any server). */
export function useRunJob() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: runJob, onSuccess: () => qc.invalidateQueries({ queryKey: ['jobs'] }) });
}

import { useQuery } from '@tanstack/react-query';
import type { JobListResponse } from '@contracts/jobs';
import { api } from '@/lib/api-client';

export function getJobs(): Promise<JobListResponse> {
  return api.get('/api/system/jobs');
}

/** The jobs with their last run; polled while one of them runs, so its outcome appears by itself. */
export function useJobs() {
  return useQuery({
    queryKey: ['jobs'],
    queryFn: getJobs,
    refetchInterval: (q) => (q.state.data?.items.some((j) => j.lastRun?.status === 'running') ? 1000 : 15_000),
  });
}

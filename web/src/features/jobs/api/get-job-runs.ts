import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { JobRunsResponse } from '@contracts/jobs';
import { api } from '@/lib/api-client';

export interface JobRunsQuery {
  page: number;
  pageSize: number;
}

export function getJobRuns(name: string, q: JobRunsQuery): Promise<JobRunsResponse> {
  return api.get(`/api/system/jobs/${encodeURIComponent(name)}/runs`, { ...q });
}

/** One job's run history, newest first; polled while its newest run is still running. */
export function useJobRuns(name: string | null, q: JobRunsQuery) {
  return useQuery({
    queryKey: ['jobs', name, 'runs', q],
    queryFn: () => getJobRuns(name!, q),
    enabled: name !== null,
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.items.some((r) => r.status === 'running') ? 1000 : false),
  });
}

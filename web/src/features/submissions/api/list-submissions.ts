import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Page } from '@contracts/common';
import type { Submission, SubmissionStatus } from '@contracts/submissions';
import { api } from '@/lib/api-client';

export interface SubmissionFilter {
  status?: SubmissionStatus;
  keyword?: string;
}

/** The review queue in the officer's scope (pending: oldest first). */
export function useSubmissionQueue(q: SubmissionFilter & { page: number; pageSize: number }) {
  return useQuery({ queryKey: ['submissions', q], queryFn: () => api.get<Page<Submission>>('/api/submissions', { ...q }), placeholderData: keepPreviousData });
}

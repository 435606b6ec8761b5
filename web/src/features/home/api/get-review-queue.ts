import { useQuery } from '@tanstack/react-query';
import type { Page } from '@contracts/common';
import type { Submission } from '@contracts/submissions';
import { api } from '@/lib/api-client';

/** Enterprise submissions waiting for review in the officer's scope (the count rides on the page's total). */
export function useReviewQueueCount(enabled: boolean) {
  return useQuery({
    queryKey: ['home', 'review-queue'],
    queryFn: async () => (await api.get<Page<Submission>>('/api/submissions', { status: 'pending', page: 1, pageSize: 1 })).total,
    enabled,
  });
}

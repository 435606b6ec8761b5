import { useQuery } from '@tanstack/react-query';
import type { MyResult } from '@contracts/assessment';
import { api } from '@/lib/api-client';

export function getMyResults(): Promise<{ items: MyResult[] }> {
  return api.get('/api/assessment/my-results');
}

/** 我的考核: the caller's unit's published results, with its rectification history. */
export function useMyResults() {
  return useQuery({ queryKey: ['assessment', 'mine'], queryFn: getMyResults, staleTime: 0 });
}

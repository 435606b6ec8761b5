import { useQuery } from '@tanstack/react-query';
import type { ResultList } from '@contracts/assessment';
import { api } from '@/lib/api-client';

export function getResults(schemeId: number): Promise<ResultList> {
  return api.get(`/api/assessment/schemes/${schemeId}/results`);
}

/** A scheme's ranking with each unit's breakdown and latest rectification report. */
export function useResults(schemeId: number | null) {
  return useQuery({ queryKey: ['assessment', 'results', schemeId], queryFn: () => getResults(schemeId!), enabled: schemeId !== null, staleTime: 0 });
}

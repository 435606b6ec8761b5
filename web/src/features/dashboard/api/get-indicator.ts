import { useQuery } from '@tanstack/react-query';
import type { IndicatorDetail } from '@contracts/plans';
import { api } from '@/lib/api-client';

export function getIndicator(id: number): Promise<IndicatorDetail> {
  return api.get(`/api/indicators/${id}`);
}

/** One indicator with its recorded values, newest first (for the record dialog's history). */
export function useIndicator(id: number | null) {
  return useQuery({ queryKey: ['plans', 'indicator', id], queryFn: () => getIndicator(id!), enabled: id !== null, staleTime: 0 });
}

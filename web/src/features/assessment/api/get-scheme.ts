import { useQuery } from '@tanstack/react-query';
import type { SchemeDetail } from '@contracts/assessment';
import { api } from '@/lib/api-client';

export function getScheme(id: number): Promise<SchemeDetail> {
  return api.get(`/api/assessment/schemes/${id}`);
}

/** A scheme with its indicators, items, grade bands and units. */
export function useScheme(id: number | null) {
  return useQuery({ queryKey: ['assessment', 'scheme', id], queryFn: () => getScheme(id!), enabled: id !== null });
}

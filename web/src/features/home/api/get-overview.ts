import { useQuery } from '@tanstack/react-query';
import type { Overview } from '@contracts/system';
import { api } from '@/lib/api-client';

export function getOverview(): Promise<Overview> {
  return api.get('/api/system/overview');
}

export function useOverview() {
  return useQuery({ queryKey: ['overview'], queryFn: getOverview });
}

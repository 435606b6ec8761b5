import { useQuery } from '@tanstack/react-query';
import type { District } from '@contracts/system';
import { api } from '@/lib/api-client';

export function getDistricts(): Promise<{ items: District[] }> {
  return api.get('/api/system/districts');
}

export function useDistricts() {
  // Same key and shape as the districts page's unfiltered list, so both share the cache.
  return useQuery({ queryKey: ['districts', {}], queryFn: getDistricts });
}

import { useQuery } from '@tanstack/react-query';
import type { District } from '@contracts/system';
import { api } from '@/lib/api-client';
import { useAuth } from '@/lib/auth';

export function getDistricts(): Promise<{ items: District[] }> {
  return api.get('/api/system/districts');
}

/** The districts in the caller's scope (for the filter and the form); none without the permission. */
export function useDistricts() {
  const { can } = useAuth();
  // Same key and shape as the districts page's unfiltered list, so both share the cache.
  return useQuery({ queryKey: ['districts', {}], queryFn: getDistricts, enabled: can('system:district:list') });
}

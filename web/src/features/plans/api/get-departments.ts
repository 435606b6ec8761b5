import { useQuery } from '@tanstack/react-query';
import type { Department } from '@contracts/system';
import { api } from '@/lib/api-client';
import { useAuth } from '@/lib/auth';

/** Every department in the caller's data scope, flat: what printed unit names are mapped to. */
export function getDepartments(): Promise<{ items: Department[] }> {
  return api.get('/api/system/departments');
}

export function useDepartments() {
  const { can } = useAuth();
  // Same key and shape as the departments page's unfiltered list, so both share the cache.
  return useQuery({ queryKey: ['departments', {}], queryFn: getDepartments, enabled: can('system:dept:list') });
}

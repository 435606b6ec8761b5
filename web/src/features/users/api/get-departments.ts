import { useQuery } from '@tanstack/react-query';
import type { Department } from '@contracts/system';
import { api } from '@/lib/api-client';

/** Every department in the caller's data scope, flat (the tree is built from parentId). */
export function getDepartments(): Promise<{ items: Department[] }> {
  return api.get('/api/system/departments');
}

export function useDepartments() {
  // Same key and shape as the departments page's unfiltered list, so both share the cache.
  return useQuery({ queryKey: ['departments', {}], queryFn: getDepartments });
}

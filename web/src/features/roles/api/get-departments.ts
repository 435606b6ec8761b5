import { useQuery } from '@tanstack/react-query';
import type { Department } from '@contracts/system';
import { api } from '@/lib/api-client';

export function getDepartments(): Promise<{ items: Department[] }> {
  return api.get('/api/system/departments');
}

/** All departments, for choosing a role's custom data scope. */
export function useDepartmentOptions(enabled: boolean) {
  return useQuery({ queryKey: ['departments', 'role-scope-options'], queryFn: getDepartments, enabled });
}

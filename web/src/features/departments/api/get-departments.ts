import { useQuery } from '@tanstack/react-query';
import type { DeptKind, Status } from '@contracts/dicts';
import type { Department } from '@contracts/system';
import { api } from '@/lib/api-client';

export interface DepartmentFilter {
  keyword?: string;
  kind?: DeptKind;
  status?: Status;
}

export const departmentsKey = (f: DepartmentFilter = {}) => ['departments', f] as const;

/** Departments in the caller's data scope, flat (the tree is built from parentId). */
export function getDepartments(f: DepartmentFilter): Promise<{ items: Department[] }> {
  return api.get('/api/system/departments', { ...f });
}

export function useDepartments(f: DepartmentFilter = {}) {
  return useQuery({ queryKey: departmentsKey(f), queryFn: () => getDepartments(f) });
}

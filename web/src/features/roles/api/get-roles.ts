import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Page } from '@contracts/common';
import type { Role } from '@contracts/system';
import { api } from '@/lib/api-client';

export interface RoleFilter {
  keyword?: string;
  status?: string;
}

export interface RoleQuery extends RoleFilter {
  page: number;
  pageSize: number;
}

export const rolesKey = (q: RoleQuery) => ['roles', q] as const;

export function getRoles(q: RoleQuery): Promise<Page<Role>> {
  return api.get('/api/system/roles', { ...q });
}

export function useRoles(q: RoleQuery) {
  return useQuery({ queryKey: rolesKey(q), queryFn: () => getRoles(q), placeholderData: keepPreviousData });
}

import { useQuery } from '@tanstack/react-query';
import type { PermissionGroup } from '@contracts/permissions';
import { api } from '@/lib/api-client';

export interface PermissionCatalogue {
  groups: PermissionGroup[];
}

export function getPermissions(): Promise<PermissionCatalogue> {
  return api.get('/api/system/permissions');
}

/** The permission catalogue the role editor shows as a tree. */
export function usePermissions() {
  return useQuery({ queryKey: ['permissions'], queryFn: getPermissions, staleTime: 10 * 60_000 });
}

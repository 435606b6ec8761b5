import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export interface RoleOption {
  id: number;
  key: string;
  name: string;
}

/** The roles the signed-in user may grant (none with permissions they lack). */
export function getRoleOptions(): Promise<{ items: RoleOption[] }> {
  return api.get('/api/system/users/role-options');
}

export function useRoleOptions() {
  return useQuery({ queryKey: ['users', 'role-options'], queryFn: getRoleOptions });
}

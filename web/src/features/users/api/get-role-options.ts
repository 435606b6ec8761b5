import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { RoleOptionsQuery, RoleOptionsResponse } from '@contracts/system';
import { api } from '@/lib/api-client';

export type RoleOption = RoleOptionsResponse['items'][number];

/**
 * The roles the signed-in user may grant (none with permissions they lack). Given where the account
 * sits (department, district, enterprise), only those that — applied to that account — see nothing
 * beyond the signed-in user's own data scope.
 */
export function getRoleOptions(target: RoleOptionsQuery = {}): Promise<RoleOptionsResponse> {
  return api.get('/api/system/users/role-options', target);
}

export function useRoleOptions(target?: RoleOptionsQuery, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['users', 'role-options', target ?? null],
    queryFn: () => getRoleOptions(target),
    enabled: opts.enabled ?? true,
    // Keep the previous list while the next one loads, so the select does not flicker.
    placeholderData: keepPreviousData,
  });
}

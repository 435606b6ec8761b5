import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Page } from '@contracts/common';
import type { User } from '@contracts/system';
import { api } from '@/lib/api-client';

/** The list filters; the export uses the same ones (without paging). */
export interface UserFilter {
  keyword?: string;
  deptId?: number;
  districtCode?: string;
  roleId?: number;
  status?: string;
}

export type UserListQuery = UserFilter & { page: number; pageSize: number };

export const usersKey = (q: UserListQuery) => ['users', 'list', q] as const;

export function getUsers(q: UserListQuery): Promise<Page<User>> {
  return api.get('/api/system/users', { ...q });
}

/** One page of users (phones masked by the server); the previous page stays shown while the next loads. */
export function useUsers(q: UserListQuery) {
  return useQuery({ queryKey: usersKey(q), queryFn: () => getUsers(q), placeholderData: keepPreviousData });
}

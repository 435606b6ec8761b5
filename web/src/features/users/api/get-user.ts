import { useQuery } from '@tanstack/react-query';
import type { User } from '@contracts/system';
import { api } from '@/lib/api-client';

export function getUser(id: number): Promise<User> {
  return api.get(`/api/system/users/${id}`);
}

/** One user for the edit form (full phone number). Not cached: the form always shows what is stored. */
export function useUser(id: number | null) {
  return useQuery({
    queryKey: ['users', 'detail', id],
    queryFn: () => getUser(id!),
    enabled: id !== null,
    staleTime: 0,
    gcTime: 0,
  });
}

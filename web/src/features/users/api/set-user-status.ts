import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Status } from '@contracts/dicts';
import type { User } from '@contracts/system';
import { api } from '@/lib/api-client';

/** Enable or disable a user; disabling ends their sessions at once. */
export function setUserStatus(id: number, status: Status): Promise<User> {
  return api.put(`/api/system/users/${id}/status`, { status });
}

export function useSetUserStatus() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status }: { id: number; status: Status }) => setUserStatus(id, status),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['users'] }),
  });
}

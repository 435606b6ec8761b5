import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { User } from '@contracts/system';
import { api } from '@/lib/api-client';

/** Lift a lockout (after repeated failed logins) before it expires. */
export function unlockUser(id: number): Promise<User> {
  return api.put(`/api/system/users/${id}/unlock`);
}

export function useUnlockUser() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: unlockUser, onSuccess: () => qc.invalidateQueries({ queryKey: ['users'] }) });
}

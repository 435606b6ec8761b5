import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ResetPasswordBody } from '@contracts/system';
import { api } from '@/lib/api-client';

/** Set a new password; the user must change it at next login (the server also unlocks and logs them out). */
export function resetPassword(id: number, body: ResetPasswordBody): Promise<{ ok: true }> {
  return api.put(`/api/system/users/${id}/password`, body);
}

export function useResetPassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, password }: { id: number; password: string }) => resetPassword(id, { password }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['users'] }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateRoleBody, Role, UpdateRoleBody } from '@contracts/system';
import { api } from '@/lib/api-client';

export function createRole(body: CreateRoleBody): Promise<Role> {
  return api.post('/api/system/roles', body);
}

export function updateRole(id: number, body: UpdateRoleBody): Promise<Role> {
  return api.put(`/api/system/roles/${id}`, body);
}

/** Create when `id` is null, else update (the key is fixed once created). */
export function useSaveRole() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number | null; body: CreateRoleBody }) => {
      if (id === null) return createRole(body);
      const { key: _ignored, ...rest } = body;
      return updateRole(id, rest);
    },
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['roles'] });
      // A role change can change what the signed-in user may do.
      await qc.invalidateQueries({ queryKey: ['auth', 'me'] });
    },
  });
}

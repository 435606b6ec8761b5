import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export function deleteRole(id: number): Promise<{ ok: true }> {
  return api.delete(`/api/system/roles/${id}`);
}

export function useDeleteRole() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: deleteRole, onSuccess: () => qc.invalidateQueries({ queryKey: ['roles'] }) });
}

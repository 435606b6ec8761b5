import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

/** Delete an empty department (409 DEPT_HAS_USERS / DEPT_HAS_CHILDREN otherwise, saying how many). */
export function deleteDepartment(id: number): Promise<{ ok: true }> {
  return api.delete(`/api/system/departments/${id}`);
}

export function useDeleteDepartment() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: deleteDepartment, onSuccess: () => qc.invalidateQueries({ queryKey: ['departments'] }) });
}

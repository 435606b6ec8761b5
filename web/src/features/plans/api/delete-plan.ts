import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

/** Delete a draft plan (a published plan cannot be deleted). */
export function deletePlan(id: number): Promise<{ ok: true }> {
  return api.delete(`/api/plans/${id}`);
}

export function useDeletePlan() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: deletePlan, onSuccess: () => qc.invalidateQueries({ queryKey: ['plans'] }) });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { invalidateAssessment } from './invalidate';

export function deleteScheme(id: number): Promise<{ ok: true }> {
  return api.delete(`/api/assessment/schemes/${id}`);
}

/** Delete a scheme not yet published (with what was entered for it). */
export function useDeleteScheme() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: deleteScheme, onSuccess: () => invalidateAssessment(qc) });
}

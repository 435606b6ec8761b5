import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Submission } from '@contracts/submissions';
import { api } from '@/lib/api-client';

function useRefresh() {
  const qc = useQueryClient();
  // The queue, the home page's count and the entity's archive all change.
  return () => Promise.all([qc.invalidateQueries({ queryKey: ['submissions'] }), qc.invalidateQueries({ queryKey: ['home'] }), qc.invalidateQueries({ queryKey: ['entities'] })]);
}

/** Approve: the text enters the archive and is public from now on. */
export function useApproveSubmission() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (id: number) => api.post<Submission>(`/api/submissions/${id}/approve`), onSuccess: refresh });
}

/** Reject with a reason the enterprise reads. */
export function useRejectSubmission() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: ({ id, reason }: { id: number; reason: string }) => api.post<Submission>(`/api/submissions/${id}/reject`, { reason }), onSuccess: refresh });
}

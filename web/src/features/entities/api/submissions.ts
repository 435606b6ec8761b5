import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Submission, SubmissionBody } from '@contracts/submissions';
import { api } from '@/lib/api-client';

const path = (uscc: string) => `/api/entities/${encodeURIComponent(uscc)}/submissions`;

/** The entity's submissions with their review, newest first. */
export function useSubmissions(uscc: string, enabled = true) {
  return useQuery({ queryKey: ['entities', 'submissions', uscc], queryFn: () => api.get<Submission[]>(path(uscc)), enabled });
}

/** Submit a self-declaration or commitment for review (it is public only once approved). */
export function useSubmit(uscc: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SubmissionBody) => api.post<Submission>(path(uscc), body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['entities', 'submissions', uscc] }),
  });
}

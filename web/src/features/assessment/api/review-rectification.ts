import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Rectification } from '@contracts/assessment';
import { api } from '@/lib/api-client';
import { invalidateAssessment } from './invalidate';

export function reviewRectification(id: number, body: { decision: 'accept' | 'return'; comment: string | null }): Promise<Rectification> {
  return api.post(`/api/assessment/rectifications/${id}/review`, body);
}

/** The quality office accepts a rectification report or returns it with the reason. */
export function useReviewRectification() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: number; decision: 'accept' | 'return'; comment: string | null }) => reviewRectification(id, body),
    onSuccess: () => invalidateAssessment(qc),
  });
}

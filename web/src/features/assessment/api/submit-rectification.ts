import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Rectification } from '@contracts/assessment';
import { api } from '@/lib/api-client';
import { invalidateAssessment } from './invalidate';

export interface RectificationInput {
  report: string;
  measures: string;
  completionDate: string;
}

export function submitRectification(resultId: number, body: RectificationInput): Promise<Rectification> {
  return api.post(`/api/assessment/results/${resultId}/rectifications`, body);
}

/** The unit reports how it remedies its result's shortfalls. */
export function useSubmitRectification(resultId: number) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: RectificationInput) => submitRectification(resultId, body), onSuccess: () => invalidateAssessment(qc) });
}

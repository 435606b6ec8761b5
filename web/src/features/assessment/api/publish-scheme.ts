import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Scheme } from '@contracts/assessment';
import { api } from '@/lib/api-client';
import { invalidateAssessment } from './invalidate';

export function publishScheme(schemeId: number): Promise<Scheme> {
  return api.post(`/api/assessment/schemes/${schemeId}/publish`, {});
}

/** 发布结果: each unit then sees its own result; nothing can change afterwards. */
export function usePublishScheme(schemeId: number) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: () => publishScheme(schemeId), onSuccess: () => invalidateAssessment(qc) });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PlanDetail, PlanDraft } from '@contracts/plans';
import { api } from '@/lib/api-client';
import { planKey } from './get-plan';

export function saveDraft(id: number, body: { version: number; draft: PlanDraft }): Promise<PlanDetail> {
  return api.put(`/api/plans/${id}/draft`, body);
}

/** Save the reviewed draft (optimistic lock: `version` as loaded; a stale one is 409 CONFLICT). */
export function useSaveDraft(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; draft: PlanDraft }) => saveDraft(id, body),
    onSuccess: (plan) => {
      qc.setQueryData(planKey(id), plan);
      return qc.invalidateQueries({ queryKey: ['plans', 'list'] });
    },
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { IndicatorDetail } from '@contracts/plans';
import { api } from '@/lib/api-client';

export function setIndicatorBaseline({ indicatorId, baseline }: { indicatorId: number; baseline: number | null }): Promise<IndicatorDetail> {
  return api.put(`/api/indicators/${indicatorId}/baseline`, { baseline });
}

/** 设置基数: what 翻一番 (×N) and 提高 N% targets are measured from; null removes it. */
export function useSetIndicatorBaseline() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: setIndicatorBaseline, onSuccess: () => qc.invalidateQueries({ queryKey: ['plans'] }) });
}

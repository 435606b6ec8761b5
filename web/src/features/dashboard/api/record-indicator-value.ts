import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { IndicatorDetail } from '@contracts/plans';
import { api } from '@/lib/api-client';

export interface RecordValueInput {
  indicatorId: number;
  value: number;
  asOf: string;
  note: string | null;
}

export function recordIndicatorValue({ indicatorId, ...body }: RecordValueInput): Promise<IndicatorDetail> {
  return api.post(`/api/indicators/${indicatorId}/values`, body);
}

/** 录入: the value an indicator reached on a date (source 手工录入). */
export function useRecordIndicatorValue() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: recordIndicatorValue, onSuccess: () => qc.invalidateQueries({ queryKey: ['plans'] }) });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InputsResponse, UnitInput } from '@contracts/assessment';
import { api } from '@/lib/api-client';
import { invalidateAssessment } from './invalidate';

export function saveInputs(schemeId: number, units: UnitInput[]): Promise<InputsResponse> {
  return api.put(`/api/assessment/schemes/${schemeId}/inputs`, { units });
}

/** Save the figures of the units given (the others stay as they are). */
export function useSaveInputs(schemeId: number) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (units: UnitInput[]) => saveInputs(schemeId, units), onSuccess: () => invalidateAssessment(qc) });
}

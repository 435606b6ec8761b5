import { useQuery } from '@tanstack/react-query';
import type { InputsResponse } from '@contracts/assessment';
import { api } from '@/lib/api-client';

export function getInputs(schemeId: number): Promise<InputsResponse> {
  return api.get(`/api/assessment/schemes/${schemeId}/inputs`);
}

/** What is entered per unit of a scheme. */
export function useInputs(schemeId: number | null) {
  return useQuery({ queryKey: ['assessment', 'inputs', schemeId], queryFn: () => getInputs(schemeId!), enabled: schemeId !== null, staleTime: 0 });
}

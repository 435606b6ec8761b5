import { useQuery } from '@tanstack/react-query';
import type { AssessmentTargetKind, SchemeUnit } from '@contracts/assessment';
import { api } from '@/lib/api-client';

export type UnitOption = SchemeUnit & { kind: string; default: boolean };

export function getUnitOptions(targetKind: AssessmentTargetKind): Promise<{ items: UnitOption[] }> {
  return api.get('/api/assessment/unit-options', { targetKind });
}

/** The departments a scheme of this kind may assess; `default` marks those a new scheme starts with. */
export function useUnitOptions(targetKind: AssessmentTargetKind) {
  return useQuery({ queryKey: ['assessment', 'unit-options', targetKind], queryFn: () => getUnitOptions(targetKind), staleTime: 60_000 });
}

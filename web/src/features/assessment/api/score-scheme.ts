import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Scheme } from '@contracts/assessment';
import { api } from '@/lib/api-client';
import { invalidateAssessment } from './invalidate';

export interface ScoreResult {
  scheme: Scheme;
  units: number;
  missingInputs: { deptId: number; deptName: string; indicator: string }[];
}

export function scoreScheme(schemeId: number): Promise<ScoreResult> {
  return api.post(`/api/assessment/schemes/${schemeId}/score`, {});
}

/** 计算得分: score and rank every unit (again). */
export function useScoreScheme(schemeId: number) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: () => scoreScheme(schemeId), onSuccess: () => invalidateAssessment(qc) });
}

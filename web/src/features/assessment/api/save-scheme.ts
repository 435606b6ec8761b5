import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SchemeBody, SchemeDetail } from '@contracts/assessment';
import { api } from '@/lib/api-client';
import { invalidateAssessment } from './invalidate';

export function createScheme(body: SchemeBody): Promise<SchemeDetail> {
  return api.post('/api/assessment/schemes', body);
}

export function updateScheme(id: number, body: SchemeBody & { version: number }): Promise<SchemeDetail> {
  return api.put(`/api/assessment/schemes/${id}`, body);
}

export type SaveSchemeInput = { id: null; body: SchemeBody } | { id: number; body: SchemeBody & { version: number } };

/** Create when `id` is null, else update (with the version read). */
export function useSaveScheme() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveSchemeInput) => (input.id === null ? createScheme(input.body) : updateScheme(input.id, input.body)),
    onSuccess: () => invalidateAssessment(qc),
  });
}

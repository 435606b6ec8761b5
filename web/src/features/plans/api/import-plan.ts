import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PlanDetail } from '@contracts/plans';
import { api } from '@/lib/api-client';
import { planKey } from './get-plan';

/** What an import answers: the plan, and whether it is new (201) or was imported before (200). */
export interface ImportOutcome {
  plan: PlanDetail;
  created: boolean;
}

export async function importPlanFile(file: File): Promise<ImportOutcome> {
  const { status, data } = await api.uploadWithStatus<PlanDetail>('/api/plans/import', file);
  return { plan: data, created: status === 201 };
}

export async function importPlanText(input: { text: string; sourceName: string | null }): Promise<ImportOutcome> {
  const { status, data } = await api.postWithStatus<PlanDetail>('/api/plans/import-text', input);
  return { plan: data, created: status === 201 };
}

function useImport<I>(fn: (input: I) => Promise<ImportOutcome>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (r) => {
      qc.setQueryData(planKey(r.plan.id), r.plan);
      return qc.invalidateQueries({ queryKey: ['plans', 'list'] });
    },
  });
}

/** Upload a .txt or .docx policy document; the parse becomes a draft plan. */
export function useImportPlanFile() {
  return useImport(importPlanFile);
}

/** Import pasted text (e.g. copied from a government website). */
export function useImportPlanText() {
  return useImport(importPlanText);
}

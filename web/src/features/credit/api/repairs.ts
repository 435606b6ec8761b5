import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Application, ApplicationStatus, CreateRepairBody, RepairAlerts, RepairCheck, AbnormalCure } from '@contracts/credit-repair';
import { api } from '@/lib/api-client';
import { invalidateCredit, type Page } from './lists';

export interface RepairFilter {
  status?: ApplicationStatus;
  uscc?: string;
  overdue?: 'true';
}

/** Repair applications: the officer's queue, or the enterprise's own (the server scopes them). */
export function useRepairs(query: RepairFilter & { page: number; pageSize: number }) {
  return useQuery({ queryKey: ['credit', 'repairs', query], queryFn: () => api.get<Page<Application>>('/api/credit/repairs', { ...query }), placeholderData: (prev) => prev });
}

export function useRepair(id: number | null) {
  return useQuery({ queryKey: ['credit', 'repair', id], queryFn: () => api.get<Application>(`/api/credit/repairs/${id}`), enabled: id !== null });
}

/** Overdue acceptance, decision and stop-publication steps (officers only). */
export function useRepairAlerts(enabled: boolean) {
  return useQuery({ queryKey: ['credit', 'repairs', 'alerts'], queryFn: () => api.get<RepairAlerts>('/api/credit/repairs/alerts'), enabled });
}

/** The dry run: what would be checked if the enterprise applied now. Nothing is stored. */
export function checkRepair(entryId: number, body: { harmRemoved?: string | null; cure?: AbnormalCure | null }): Promise<RepairCheck> {
  return api.post(`/api/credit/entries/${entryId}/repair-check`, body);
}

export function useApplyRepair() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, files }: { body: CreateRepairBody; files: File[] }) => {
      let app = await api.post<Application>('/api/credit/repairs', body);
      for (const f of files) app = await api.upload<Application>(`/api/credit/repairs/${app.id}/files`, f);
      return app;
    },
    onSettled: () => invalidateCredit(qc),
  });
}

export function useAttachRepairFile() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: ({ id, file }: { id: number; file: File }) => api.upload<Application>(`/api/credit/repairs/${id}/files`, file), onSuccess: () => invalidateCredit(qc) });
}

export function useAcceptRepair() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, accept, comment }: { id: number; accept: boolean; comment?: string }) => api.post<Application>(`/api/credit/repairs/${id}/accept`, { accept, comment }),
    onSuccess: () => invalidateCredit(qc),
  });
}

export function useDecideRepair() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, approve, comment }: { id: number; approve: boolean; comment: string }) => api.post<Application>(`/api/credit/repairs/${id}/decide`, { approve, comment }),
    onSuccess: () => invalidateCredit(qc),
  });
}

export function downloadRepairFile(id: number, fileId: number): Promise<void> {
  return api.download(`/api/credit/repairs/${id}/files/${fileId}`);
}

/**
 * Credit repairs (信用修复) and objections to abnormal-list listings (名单异议) over HTTP. Both are
 * applications of one shape with the same steps (list, detail, files, accept, decide); only the
 * creating call differs. Every hook takes the kind, so one page and one drawer serve both.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AbnormalCure, Application, ApplicationKind, ApplicationStatus, CreateRepairBody, RepairAlerts, RepairCheck } from '@contracts/credit-repair';
import { api } from '@/lib/api-client';
import { invalidateCredit, type Page } from './lists';

export type { ApplicationKind };

const BASE: Record<ApplicationKind, string> = { repair: '/api/credit/repairs', objection: '/api/credit/objections' };

export interface ApplicationFilter {
  status?: ApplicationStatus;
  uscc?: string;
  overdue?: 'true';
}

/** Applications of one kind: the officer's queue, or the enterprise's own (the server scopes them). */
export function useApplications(kind: ApplicationKind, query: ApplicationFilter & { page: number; pageSize: number }, enabled = true) {
  return useQuery({ queryKey: ['credit', 'applications', kind, query], queryFn: () => api.get<Page<Application>>(BASE[kind], { ...query }), placeholderData: (prev) => prev, enabled });
}

export function useApplication(kind: ApplicationKind, id: number | null) {
  return useQuery({ queryKey: ['credit', 'application', kind, id], queryFn: () => api.get<Application>(`${BASE[kind]}/${id}`), enabled: id !== null });
}

/** Overdue acceptance, decision and stop-publication steps (officers only). */
export function useRepairAlerts(enabled: boolean) {
  return useQuery({ queryKey: ['credit', 'repairs', 'alerts'], queryFn: () => api.get<RepairAlerts>('/api/credit/repairs/alerts'), enabled });
}

/** The dry run: what would be checked if the enterprise applied for repair now. Nothing is stored. */
export function checkRepair(entryId: number, body: { harmRemoved?: string | null; cure?: AbnormalCure | null }): Promise<RepairCheck> {
  return api.post(`/api/credit/entries/${entryId}/repair-check`, body);
}

/** What the enterprise submits: a repair (with its commitment) or an objection (a reason). */
export type ApplicationSubmission = { kind: 'repair'; body: CreateRepairBody } | { kind: 'objection'; body: { entryId: number; reason: string } };

export interface Submitted {
  app: Application;
  /** Proof files that could not be uploaded; the application itself stands and takes them later. */
  failed: { file: File; error: unknown }[];
}

/**
 * Create the application, then upload the proof files one by one (the server takes files only on
 * an existing application). A failed upload does not undo the application: it is reported so the
 * applicant can attach the file again from the application's drawer.
 */
export function useSubmitApplication() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ submission, files }: { submission: ApplicationSubmission; files: File[] }): Promise<Submitted> => {
      const base = BASE[submission.kind];
      let app = await api.post<Application>(base, submission.body);
      const failed: Submitted['failed'] = [];
      for (const file of files) {
        try {
          app = await api.upload<Application>(`${base}/${app.id}/files`, file);
        } catch (error) {
          failed.push({ file, error });
        }
      }
      return { app, failed };
    },
    onSettled: () => invalidateCredit(qc),
  });
}

export function useAttachApplicationFile(kind: ApplicationKind) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: ({ id, file }: { id: number; file: File }) => api.upload<Application>(`${BASE[kind]}/${id}/files`, file), onSuccess: () => invalidateCredit(qc) });
}

export function useAcceptApplication(kind: ApplicationKind) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, accept, comment }: { id: number; accept: boolean; comment?: string }) => api.post<Application>(`${BASE[kind]}/${id}/accept`, { accept, comment }),
    onSuccess: () => invalidateCredit(qc),
  });
}

export function useDecideApplication(kind: ApplicationKind) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, approve, comment }: { id: number; approve: boolean; comment: string }) => api.post<Application>(`${BASE[kind]}/${id}/decide`, { approve, comment }),
    onSuccess: () => invalidateCredit(qc),
  });
}

export function downloadApplicationFile(kind: ApplicationKind, id: number, fileId: number): Promise<void> {
  return api.download(`${BASE[kind]}/${id}/files/${fileId}`);
}

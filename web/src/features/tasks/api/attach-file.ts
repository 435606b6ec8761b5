import type { TaskReport } from '@contracts/plans';
import { api } from '@/lib/api-client';

/** Attach a file to a report awaiting review (pdf, ofd, Word, Excel, images, txt, zip; ≤ 20 MB). */
export function attachFile(reportId: number, file: File): Promise<TaskReport> {
  return api.upload(`/api/plans/reports/${reportId}/attachments`, file);
}

export function downloadAttachment(id: number): Promise<void> {
  return api.download(`/api/task-attachments/${id}`);
}

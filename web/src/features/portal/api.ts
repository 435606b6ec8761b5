import type { Page } from '@contracts/common';
import type { PublicCreditResponse, PublicSearchItem } from '@contracts/portal';
import { api } from '@/lib/api-client';

export function searchCredit(name: string, page: number): Promise<Page<PublicSearchItem>> {
  return api.get('/api/public/credit', { name, page, pageSize: 10 });
}

export function getCredit(uscc: string): Promise<PublicCreditResponse> {
  return api.get(`/api/public/credit/${encodeURIComponent(uscc)}`);
}

export function downloadPublicReport(uscc: string): Promise<void> {
  return api.download(`/api/public/credit/${encodeURIComponent(uscc)}/report`);
}

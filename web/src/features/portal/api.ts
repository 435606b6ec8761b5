import type { Page } from '@contracts/common';
import type { PublicBrowseList, PublicCreditResponse, PublicListItem, PublicSearchItem } from '@contracts/portal';
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

export interface PublicListFilter {
  districtCode?: string;
  industry?: string;
  grounds?: string;
  from?: string;
  to?: string;
}

/** One page of a list as published today (server-side filters and paging). */
export function browseList(list: PublicBrowseList, q: PublicListFilter & { page: number; pageSize: number }): Promise<Page<PublicListItem>> {
  return api.get(`/api/public/lists/${list}`, { ...q });
}

export function getPublicDistricts(): Promise<{ code: string; name: string }[]> {
  return api.get('/api/public/districts');
}

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Scheme, SchemeStatus } from '@contracts/assessment';
import type { Page } from '@contracts/common';
import { api } from '@/lib/api-client';

export interface SchemeFilter {
  keyword?: string;
  year?: number;
  status?: SchemeStatus;
}

export function getSchemes(q: SchemeFilter & { page: number; pageSize: number }): Promise<Page<Scheme>> {
  return api.get('/api/assessment/schemes', { ...q });
}

/** One page of schemes, newest year first. */
export function useSchemes(q: SchemeFilter & { page: number; pageSize: number }) {
  return useQuery({ queryKey: ['assessment', 'schemes', q], queryFn: () => getSchemes(q), placeholderData: keepPreviousData });
}

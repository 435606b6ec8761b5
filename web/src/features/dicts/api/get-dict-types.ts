import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Page } from '@contracts/common';
import type { DictType } from '@contracts/system';
import { api } from '@/lib/api-client';

export interface DictTypeFilter {
  keyword?: string;
  status?: string;
}

export interface DictTypeQuery extends DictTypeFilter {
  page: number;
  pageSize: number;
}

export function getDictTypes(q: DictTypeQuery): Promise<Page<DictType>> {
  return api.get('/api/system/dicts', { ...q });
}

export function useDictTypes(q: DictTypeQuery) {
  return useQuery({ queryKey: ['dicts', 'types', q], queryFn: () => getDictTypes(q), placeholderData: keepPreviousData });
}

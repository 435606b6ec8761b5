import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { EntityListResponse } from '@contracts/entities';
import { api } from '@/lib/api-client';

export interface EntityFilter {
  keyword?: string;
  districtCode?: string;
  /** A GB/T 4754 section letter or two-digit division. */
  industry?: string;
  status?: string;
  entityType?: string;
  grade?: string;
  riskClass?: string;
  missingOfficer?: 'true';
}

export type EntityListQuery = EntityFilter & { page: number; pageSize: number };

export function getEntities(q: EntityListQuery): Promise<EntityListResponse> {
  return api.get('/api/entities', { ...q });
}

/** One page of entities (best match first when searching); the previous page stays shown while the next loads. */
export function useEntities(q: EntityListQuery, enabled = true) {
  return useQuery({ queryKey: ['entities', 'list', q], queryFn: () => getEntities(q), placeholderData: keepPreviousData, enabled });
}

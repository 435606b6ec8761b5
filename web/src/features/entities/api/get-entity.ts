import { useQuery } from '@tanstack/react-query';
import type { EntityDetail } from '@contracts/entities';
import { api } from '@/lib/api-client';

export const entityKey = (uscc: string) => ['entities', 'detail', uscc] as const;

export function getEntity(uscc: string): Promise<EntityDetail> {
  return api.get(`/api/entities/${encodeURIComponent(uscc)}`);
}

/** One entity with its products, licences (with their state) and flags. */
export function useEntity(uscc: string | undefined) {
  return useQuery({ queryKey: entityKey(uscc ?? ''), queryFn: () => getEntity(uscc!), enabled: !!uscc, retry: false });
}

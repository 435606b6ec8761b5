import { useQuery } from '@tanstack/react-query';
import type { DictItem, DictType } from '@contracts/system';
import { api } from '@/lib/api-client';

export function getDictType(type: string): Promise<{ type: DictType; items: DictItem[] }> {
  return api.get(`/api/system/dicts/${encodeURIComponent(type)}`);
}

/** One dictionary type with all its items (disabled ones too). */
export function useDictType(type: string | null) {
  return useQuery({ queryKey: ['dicts', 'type', type], queryFn: () => getDictType(type!), enabled: type !== null });
}

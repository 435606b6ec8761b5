import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateDictTypeBody, DictType, UpdateDictTypeBody } from '@contracts/system';
import { api } from '@/lib/api-client';

export function createDictType(body: CreateDictTypeBody): Promise<DictType> {
  return api.post('/api/system/dicts', body);
}

export function updateDictType(type: string, body: UpdateDictTypeBody): Promise<DictType> {
  return api.put(`/api/system/dicts/${encodeURIComponent(type)}`, body);
}

/** Create when `type` is null, else update (the type key is fixed once created). */
export function useSaveDictType() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ type, body }: { type: string | null; body: CreateDictTypeBody }) => {
      if (type === null) return createDictType(body);
      const { type: _ignored, ...rest } = body;
      return updateDictType(type, rest);
    },
    // ['dicts'] covers these lists and ['dicts','all'], so labels refresh on every page.
    onSuccess: () => qc.invalidateQueries({ queryKey: ['dicts'] }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateDictItemBody, DictItem, UpdateDictItemBody } from '@contracts/system';
import { api } from '@/lib/api-client';

export function createDictItem(type: string, body: CreateDictItemBody): Promise<DictItem> {
  return api.post(`/api/system/dicts/${encodeURIComponent(type)}/items`, body);
}

export function updateDictItem(type: string, id: number, body: UpdateDictItemBody): Promise<DictItem> {
  return api.put(`/api/system/dicts/${encodeURIComponent(type)}/items/${id}`, body);
}

/** Create when `id` is null, else update. */
export function useSaveDictItem() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ type, id, body }: { type: string; id: number | null; body: CreateDictItemBody }) =>
      id === null ? createDictItem(type, body) : updateDictItem(type, id, body),
    // ['dicts'] covers these lists and ['dicts','all'], so labels refresh on every page.
    onSuccess: () => qc.invalidateQueries({ queryKey: ['dicts'] }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export function deleteDictItem({ type, id }: { type: string; id: number }): Promise<{ ok: true }> {
  return api.delete(`/api/system/dicts/${encodeURIComponent(type)}/items/${id}`);
}

export function useDeleteDictItem() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: deleteDictItem,
    // ['dicts'] covers these lists and ['dicts','all'], so labels refresh on every page.
    onSuccess: () => qc.invalidateQueries({ queryKey: ['dicts'] }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export function deleteDictType(type: string): Promise<{ ok: true }> {
  return api.delete(`/api/system/dicts/${encodeURIComponent(type)}`);
}

export function useDeleteDictType() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: deleteDictType,
    // ['dicts'] covers these lists and ['dicts','all'], so labels refresh on every page.
    onSuccess: () => qc.invalidateQueries({ queryKey: ['dicts'] }),
  });
}

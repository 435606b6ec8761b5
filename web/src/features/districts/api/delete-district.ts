import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

export function deleteDistrict(code: string): Promise<{ ok: true }> {
  return api.delete(`/api/system/districts/${code}`);
}

export function useDeleteDistrict() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: deleteDistrict, onSuccess: () => qc.invalidateQueries({ queryKey: ['districts'] }) });
}

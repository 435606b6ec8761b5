import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateDistrictBody, District, UpdateDistrictBody } from '@contracts/system';
import { api } from '@/lib/api-client';

export function createDistrict(body: CreateDistrictBody): Promise<District> {
  return api.post('/api/system/districts', body);
}

export function updateDistrict(code: string, body: UpdateDistrictBody): Promise<District> {
  return api.put(`/api/system/districts/${code}`, body);
}

/** Create when `code` is null, else update. */
export function useSaveDistrict() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ code, body }: { code: string | null; body: CreateDistrictBody }) => {
      if (code === null) return createDistrict(body);
      const { code: _ignored, ...rest } = body;
      return updateDistrict(code, rest);
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['districts'] }),
  });
}

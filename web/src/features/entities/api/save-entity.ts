import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateEntityBody, EntityDetail, LicenceBody, ProductBody, UpdateEntityBody } from '@contracts/entities';
import { api } from '@/lib/api-client';
import { entityKey } from './get-entity';

const path = (uscc: string) => `/api/entities/${encodeURIComponent(uscc)}`;

/** Every write answers the whole entity: put it in the cache and refresh the lists. */
function useEntityWrite<I>(fn: (input: I) => Promise<EntityDetail>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (e) => {
      qc.setQueryData(entityKey(e.uscc), e);
      return qc.invalidateQueries({ queryKey: ['entities', 'list'] });
    },
  });
}

export function useCreateEntity() {
  return useEntityWrite((body: CreateEntityBody) => api.post<EntityDetail>('/api/entities', body));
}

/** Edit with the version as loaded (optimistic lock: a stale version is 409 CONFLICT). */
export function useUpdateEntity(uscc: string) {
  return useEntityWrite((body: UpdateEntityBody) => api.put<EntityDetail>(path(uscc), body));
}

export function useAddProduct(uscc: string) {
  return useEntityWrite((body: ProductBody) => api.post<EntityDetail>(`${path(uscc)}/products`, body));
}

export function useRemoveProduct(uscc: string) {
  return useEntityWrite((productId: number) => api.delete<EntityDetail>(`${path(uscc)}/products/${productId}`));
}

export function useAddLicence(uscc: string) {
  return useEntityWrite((body: LicenceBody) => api.post<EntityDetail>(`${path(uscc)}/licences`, body));
}

export function useRevokeLicence(uscc: string) {
  return useEntityWrite(({ licenceId, revokedOn }: { licenceId: number; revokedOn: string }) => api.post<EntityDetail>(`${path(uscc)}/licences/${licenceId}/revoke`, { revokedOn }));
}

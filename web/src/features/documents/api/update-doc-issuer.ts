import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DocIssuer, DocIssuerKey, UpdateDocIssuerBody } from '@contracts/system';
import { api } from '@/lib/api-client';

export function updateDocIssuer(key: DocIssuerKey, body: UpdateDocIssuerBody): Promise<DocIssuer> {
  return api.put(`/api/system/doc-issuers/${key}`, body);
}

export function useUpdateDocIssuer() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ key, body }: { key: DocIssuerKey; body: UpdateDocIssuerBody }) => updateDocIssuer(key, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['doc-issuers'] }),
  });
}

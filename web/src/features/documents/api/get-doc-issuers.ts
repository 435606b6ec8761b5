import { useQuery } from '@tanstack/react-query';
import type { DocIssuer } from '@contracts/system';
import { api } from '@/lib/api-client';

export function getDocIssuers(): Promise<{ items: DocIssuer[] }> {
  return api.get('/api/system/doc-issuers');
}

/** Who issues each kind of official document, with the number the next one gets. */
export function useDocIssuers() {
  return useQuery({ queryKey: ['doc-issuers'], queryFn: getDocIssuers });
}

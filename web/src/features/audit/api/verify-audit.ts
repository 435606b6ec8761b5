import { useMutation } from '@tanstack/react-query';
import type { AuditVerifyResult } from '@contracts/logs';
import { api } from '@/lib/api-client';

export function verifyAuditChain(): Promise<AuditVerifyResult> {
  return api.post('/api/monitor/audit/verify');
}

/** Walk the whole hash chain on the server and report the first bad entry, if any. */
export function useVerifyAuditChain() {
  return useMutation({ mutationFn: verifyAuditChain });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreditSettings, UpdateCreditSettingsBody } from '@contracts/credit-lists';
import { api } from '@/lib/api-client';
import { useAuth } from '@/lib/auth';
import { invalidateCredit } from './lists';

const SETTINGS_KEY = ['credit', 'settings'] as const;

/** The province's 较低数额罚款 thresholds (organisations, natural persons), or the coded defaults. */
export function useCreditSettings() {
  const { can } = useAuth();
  return useQuery({ queryKey: SETTINGS_KEY, queryFn: () => api.get<CreditSettings>('/api/credit/lists/settings'), enabled: can('credit:list:list') });
}

/** Change one or both thresholds; send only what changed (the audit row then names just that). */
export function useUpdateCreditSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateCreditSettingsBody) => api.put<CreditSettings>('/api/credit/lists/settings', body),
    onSuccess: (data) => {
      qc.setQueryData(SETTINGS_KEY, data);
      // Repair checks read the threshold too: let every credit view refetch.
      return invalidateCredit(qc);
    },
  });
}

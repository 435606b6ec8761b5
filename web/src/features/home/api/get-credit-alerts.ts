import { useQuery } from '@tanstack/react-query';
import type { ListAlerts } from '@contracts/credit-lists';
import type { RepairAlerts } from '@contracts/credit-repair';
import { api } from '@/lib/api-client';

/** Statutory list steps overdue or due soon (publication, removal, objection answers) in the caller's scope. */
export function useListAlerts(enabled: boolean) {
  return useQuery({ queryKey: ['home', 'credit-list-alerts'], queryFn: (): Promise<ListAlerts> => api.get('/api/credit/lists/alerts'), enabled });
}

/** Repair and objection applications whose acceptance, decision or stop deadline has passed or is near. */
export function useRepairAlerts(enabled: boolean) {
  return useQuery({ queryKey: ['home', 'credit-repair-alerts'], queryFn: (): Promise<RepairAlerts> => api.get('/api/credit/repairs/alerts'), enabled });
}

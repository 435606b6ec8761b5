import { useQuery } from '@tanstack/react-query';
import type { District } from '@contracts/system';
import { api } from '@/lib/api-client';

export interface DistrictFilter {
  keyword?: string;
  status?: string;
}

export const districtsKey = (f: DistrictFilter = {}) => ['districts', f] as const;

export function getDistricts(f: DistrictFilter): Promise<{ items: District[] }> {
  return api.get('/api/system/districts', { ...f });
}

export function useDistricts(f: DistrictFilter = {}) {
  return useQuery({ queryKey: districtsKey(f), queryFn: () => getDistricts(f) });
}

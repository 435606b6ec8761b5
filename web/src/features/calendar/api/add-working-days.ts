import { useQuery } from '@tanstack/react-query';
import type { DateResult } from '@contracts/calendar';
import { api } from '@/lib/api-client';

export function addWorkingDays(from: string, days: number): Promise<DateResult> {
  return api.get('/api/calendar/add-working-days', { from, days });
}

/** The date `days` working days after `from` (the first day is not counted). */
export function useAddWorkingDays(input: { from: string; days: number } | null) {
  return useQuery({
    queryKey: ['calendar', 'add-working-days', input],
    queryFn: () => addWorkingDays(input!.from, input!.days),
    enabled: input !== null,
  });
}

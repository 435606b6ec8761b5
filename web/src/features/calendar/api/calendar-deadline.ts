import { useQuery } from '@tanstack/react-query';
import type { DateResult } from '@contracts/calendar';
import { api } from '@/lib/api-client';

export function calendarDeadline(from: string, days: number): Promise<DateResult> {
  return api.get('/api/calendar/deadline', { from, days });
}

/** A deadline of `days` calendar days from `from`, rolled forward to the next working day. */
export function useCalendarDeadline(input: { from: string; days: number } | null) {
  return useQuery({
    queryKey: ['calendar', 'deadline', input],
    queryFn: () => calendarDeadline(input!.from, input!.days),
    enabled: input !== null,
  });
}

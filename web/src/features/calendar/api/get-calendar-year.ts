import { useQuery } from '@tanstack/react-query';
import type { CalendarDay, CalendarYear } from '@contracts/calendar';
import { api } from '@/lib/api-client';

export function getCalendarYear(year: number): Promise<{ year: CalendarYear; days: CalendarDay[] }> {
  return api.get(`/api/system/calendar/years/${year}`);
}

/** Every day of one year. */
export function useCalendarYear(year: number | null) {
  return useQuery({ queryKey: ['calendar', 'year', year], queryFn: () => getCalendarYear(year!), enabled: year !== null });
}

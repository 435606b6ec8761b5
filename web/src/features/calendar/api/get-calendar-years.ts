import { useQuery } from '@tanstack/react-query';
import type { CalendarYear } from '@contracts/calendar';
import { api } from '@/lib/api-client';

export function getCalendarYears(): Promise<{ items: CalendarYear[] }> {
  return api.get('/api/system/calendar/years');
}

/** Loaded years with their working-day, holiday and adjusted-workday counts. */
export function useCalendarYears() {
  return useQuery({ queryKey: ['calendar', 'years'], queryFn: getCalendarYears });
}

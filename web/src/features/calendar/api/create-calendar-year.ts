import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CalendarYear, CreateCalendarYearBody } from '@contracts/calendar';
import { api } from '@/lib/api-client';

export function createCalendarYear(body: CreateCalendarYearBody): Promise<CalendarYear> {
  return api.post('/api/system/calendar/years', body);
}

/** Load a new year from its State Council notice. */
export function useCreateCalendarYear() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: createCalendarYear, onSuccess: () => qc.invalidateQueries({ queryKey: ['calendar'] }) });
}

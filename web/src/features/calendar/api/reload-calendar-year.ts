import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CalendarYear, CreateCalendarYearBody } from '@contracts/calendar';
import { api } from '@/lib/api-client';

export function reloadCalendarYear({ year, ...body }: CreateCalendarYearBody): Promise<CalendarYear> {
  return api.put(`/api/system/calendar/years/${year}`, body);
}

/** Rebuild an existing year from its (corrected) notice; single-day changes are overwritten. */
export function useReloadCalendarYear() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: reloadCalendarYear, onSuccess: () => qc.invalidateQueries({ queryKey: ['calendar'] }) });
}

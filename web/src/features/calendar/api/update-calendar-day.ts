import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CalendarDay, UpdateCalendarDayBody } from '@contracts/calendar';
import { api } from '@/lib/api-client';

export function updateCalendarDay(date: string, body: UpdateCalendarDayBody): Promise<CalendarDay> {
  return api.put(`/api/system/calendar/days/${date}`, body);
}

export function useUpdateCalendarDay() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ date, body }: { date: string; body: UpdateCalendarDayBody }) => updateCalendarDay(date, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['calendar'] }),
  });
}

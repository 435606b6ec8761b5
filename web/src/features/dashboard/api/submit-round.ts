import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Round } from '@contracts/plans';
import { api } from '@/lib/api-client';

export interface SubmitRoundInput {
  roundId: number;
  text: string;
  /** Only when reporting for a unit other than the caller's own department. */
  deptId?: number;
}

export function submitRound({ roundId, ...body }: SubmitRoundInput): Promise<Round> {
  return api.post(`/api/plans/rounds/${roundId}/submissions`, body);
}

/** A unit sends its report for a round (once: 409 when already sent, 403 NOT_YOUR_TASK when not its round). */
export function useSubmitRound() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: submitRound, onSuccess: () => qc.invalidateQueries({ queryKey: ['plans', 'rounds'] }) });
}

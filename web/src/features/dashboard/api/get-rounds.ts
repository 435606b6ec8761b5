import { useQuery } from '@tanstack/react-query';
import type { Round } from '@contracts/plans';
import { api } from '@/lib/api-client';

export async function getRounds(planId: number): Promise<Round[]> {
  return (await api.get<{ items: Round[] }>(`/api/plans/${planId}/rounds`)).items;
}

/** A plan's reporting rounds with each unit (in the caller's scope) and whether it has reported. */
export function useRounds(planId: number | undefined) {
  return useQuery({ queryKey: ['plans', 'rounds', planId ?? null], queryFn: () => getRounds(planId!), enabled: planId !== undefined });
}

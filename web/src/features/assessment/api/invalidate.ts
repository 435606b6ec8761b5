import type { QueryClient } from '@tanstack/react-query';

/** After any write: schemes (status, scored), inputs, results and the units' own results may all change. */
export function invalidateAssessment(qc: QueryClient): Promise<unknown> {
  return qc.invalidateQueries({ queryKey: ['assessment'] });
}

/**
 * A run's summary as a civil servant reads it: the fields the jobs report, each with its label,
 * in the order the job gave them; a field this page does not know is shown under its own name.
 */
import type { JobRun } from '@contracts/jobs';

export interface SummaryLine {
  /** The label's key in jobsStrings (`s_<field>`), or null for a field without a label. */
  labelKey: string | null;
  field: string;
  value: string;
}

export function summaryLines(summary: JobRun['summary'], known: ReadonlySet<string>): SummaryLine[] {
  if (summary === null) return [];
  return Object.entries(summary).map(([field, v]) => ({
    labelKey: known.has(`s_${field}`) ? `s_${field}` : null,
    field,
    value: v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v),
  }));
}

/**
 * Where an uploaded sheet's header is. A template has it on row 1; an export has its title rows
 * above it (what was exported, the filters, the time), so an export edited and uploaded again
 * imports too. Pure, so the reader (in-process or in a worker) only hands over the first rows.
 */

/** Title rows an import looks past for its header. */
export const HEADER_SEARCH_ROWS = 5;

/**
 * The 1-based number of the header row: of the first `HEADER_SEARCH_ROWS` rows, the one with the
 * most cells naming a known column (`isHeader`; a title that happens to be a column's name names
 * one, the header several); row 1 when none does (its missing columns are then reported).
 */
export function findHeaderRow(firstRows: readonly (readonly (string | null)[])[], isHeader: (text: string) => boolean): number {
  let best = 1;
  let bestCount = 0;
  for (let i = 0; i < Math.min(firstRows.length, HEADER_SEARCH_ROWS); i++) {
    const count = firstRows[i]!.filter((t) => t !== null && isHeader(t)).length;
    if (count > bestCount) {
      best = i + 1;
      bestCount = count;
    }
  }
  return best;
}

/** Today in China time (UTC+8, no daylight saving), as YYYY-MM-DD: the date deadlines are counted from. */
export function todayInChina(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

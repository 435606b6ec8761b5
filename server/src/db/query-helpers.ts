/** Small helpers repositories share when building queries. */

/** `%` and `_` typed in a search box are literal characters, not wildcards. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `%text%` for ILIKE with the user's text taken literally. */
export function containsPattern(text: string): string {
  return `%${escapeLike(text)}%`;
}

export function pageWindow(page: number, pageSize: number): { offset: number; limit: number } {
  return { offset: (page - 1) * pageSize, limit: pageSize };
}

/** Start of the day after an ISO date, for inclusive `to` filters on timestamps (China time, UTC+8). */
export function dayStart(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00+08:00`);
}

export function dayAfter(isoDate: string): Date {
  return new Date(dayStart(isoDate).getTime() + 86_400_000);
}

const preparedByDb = new WeakMap<object, Map<string, unknown>>();

/**
 * A prepared statement built once per database handle and name: the SQL text is assembled by
 * Drizzle once instead of on every call, and node-postgres parses it once per connection. For hot
 * reads only (the public lookup), where building the query cost more CPU than running it. `name`
 * must identify the statement text: PostgreSQL refuses one name for two texts on a connection.
 */
export function preparedOnce<T>(db: object, name: string, build: () => T): T {
  let byName = preparedByDb.get(db);
  if (!byName) preparedByDb.set(db, (byName = new Map()));
  let prepared = byName.get(name) as T | undefined;
  if (prepared === undefined) byName.set(name, (prepared = build()));
  return prepared;
}

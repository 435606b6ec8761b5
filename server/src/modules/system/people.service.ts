/**
 * People as other modules show them: the officer's name and department instead of a login name
 * (the login name stays in every DTO, since the audit log and permissions use it).
 */
import type { Executor } from '../../db/client.js';
import { personLabel } from './system.rules.js';
import { peopleByUsername } from './user.repository.js';

/** "王质量（天津市…办公室）" for a login name; null for an unknown one (a deleted account, the `system` actor). */
export type NameOf = (username: string | null | undefined) => string | null;

/**
 * One lookup for every login name a response mentions, then a synchronous `nameOf` for the DTO
 * mappers: a page of rows costs one query, not one per row.
 */
export async function namesOf(db: Executor, usernames: Iterable<string | null | undefined>): Promise<NameOf> {
  const wanted = [...usernames].filter((u): u is string => typeof u === 'string' && u !== '');
  const people = await peopleByUsername(db, wanted);
  return (username) => {
    const p = username ? people.get(username) : undefined;
    return p ? personLabel(p) : null;
  };
}

/** For DTOs built where no names are wanted (the public portal): every name is null. */
export const NO_NAMES: NameOf = () => null;

/**
 * What the public portal may say, as pure rules (docs/PUBLICATION.md). No database, no clock.
 */
import type { PublicGradeState } from '../../../../contracts/portal.js';

/**
 * Lists whose entries count for the grade from the moment they are in force (approved: status
 * `listed`) but reach the public only when published. The serious-violation list: a listing is in
 * force once the higher bureau approves it (Order 44 Art. 22) and is published on the credit
 * information system within 20 working days (Art. 14). The abnormal-operations list is public from
 * listing (Order 101 of 2025 Art. 5), penalty publications from their entry (Order 45), red and
 * black lists with their round: none of those has a gap between "counts" and "public".
 */
export const LISTS_PUBLIC_ON_PUBLICATION = ['serious-violation'] as const;

/**
 * The public grade rule: a grade shown to the public may rest only on facts the public can see.
 * While the entity stands on a list that the evaluation already counts but that is not yet
 * published (an approved, unpublished serious-violation listing, whose veto makes the grade D),
 * the portal withholds the grade and says the evaluation is being updated (评价更新中) — it neither
 * shows the D without its cause nor a better grade that the decision has already overtaken. From
 * publication the grade shows again, with the published entry explaining it.
 */
export function publicGrade(stored: string | null, awaitingPublication: boolean): { grade: string | null; gradeState: PublicGradeState } {
  if (awaitingPublication) return { grade: null, gradeState: 'updating' };
  return stored === null ? { grade: null, gradeState: 'unrated' } : { grade: stored, gradeState: 'rated' };
}

/** A list record (list_entry / list_removal) in the archive, as the portal reads its payload. */
export interface ListRecordRef {
  kind: string;
  payload: Record<string, unknown>;
}

/**
 * Whether a list record may be shown: records of lists public only on publication are shown while
 * their entry is published now (`publishedEntryIds`), so the archive shows no listing before its
 * publication (Order 44 Art. 14) and none after publication stopped (Art. 18). Other records pass.
 */
export function listRecordPublic(r: ListRecordRef, publishedEntryIds: ReadonlySet<number>): boolean {
  if (r.kind !== 'list_entry' && r.kind !== 'list_removal') return true;
  if (!(LISTS_PUBLIC_ON_PUBLICATION as readonly string[]).includes(String(r.payload.list))) return true;
  return typeof r.payload.entryId === 'number' && publishedEntryIds.has(r.payload.entryId);
}

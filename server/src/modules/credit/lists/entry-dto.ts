/** A list entry as the API returns it, with its next statutory step (shared by the lists, the honours and the clock). */
import type { ListEntry } from '../../../../../contracts/credit-lists.js';
import type { Executor } from '../../../db/client.js';
import type { WorkingCalendar } from '../../../platform/calendar/calendar.rules.js';
import { todayInChina } from '../../../platform/calendar/today.js';
import { namesOf, type NameOf } from '../../system/index.js';
import { nextStepOf } from './lists.rules.js';
import { findEntry, type EntryWithEntity } from './lists.repository.js';

// ── DTO ───────────────────────────────────────────────────────────────────────

/** An entry as the API returns it; `nameOf` gives the people's names (see `entryDtos`). */
export function toEntryDto(r: EntryWithEntity, cal: WorkingCalendar, today: string, nameOf: NameOf): ListEntry {
  return {
    id: r.id,
    list: r.list as ListEntry['list'],
    status: r.status as ListEntry['status'],
    entityId: r.entityId,
    uscc: r.uscc,
    entityName: r.entityName,
    districtCode: r.districtCode,
    grounds: r.grounds,
    groundsText: r.groundsText,
    decisionNo: r.decisionNo,
    penaltyDecisionNo: r.penaltyDecisionNo,
    decisionDate: r.decisionDate,
    sourceRecordId: r.sourceRecordId,
    triggerDate: r.triggerDate,
    publishBy: r.publishBy,
    publishedOn: r.publishedOn,
    earlyRemovalFrom: r.earlyRemovalFrom,
    autoRemoveOn: r.autoRemoveOn,
    restrictionUntil: r.restrictionUntil,
    curedOn: r.curedOn,
    removeBy: r.removeBy,
    removedOn: r.removedOn,
    removalKind: r.removalKind,
    removalReason: r.removalReason,
    stopPublicationBy: r.stopPublicationBy,
    approvedBy: r.approvedBy,
    approvedByName: nameOf(r.approvedBy),
    approvalNo: r.approvalNo,
    approvalComment: r.approvalComment,
    roundId: r.roundId,
    flags: r.flags,
    warning: r.warning,
    createdBy: r.createdBy,
    createdByName: nameOf(r.createdBy),
    createdAt: r.createdAt.toISOString(),
    nextStep: nextStepOf(cal, r, today),
  };
}

/** DTOs of a page of entries with the names of the officers who created and approved them: one lookup for the page. */
export async function entryDtos(db: Executor, rows: readonly EntryWithEntity[], cal: WorkingCalendar, today: string): Promise<ListEntry[]> {
  const nameOf = await namesOf(db, rows.flatMap((r) => [r.createdBy, r.approvedBy]));
  return rows.map((r) => toEntryDto(r, cal, today, nameOf));
}

export async function dtoOf(db: Executor, id: number, cal: WorkingCalendar): Promise<ListEntry> {
  const row = await findEntry(db, id);
  const [dto] = await entryDtos(db, [row!], cal, todayInChina());
  return dto!;
}

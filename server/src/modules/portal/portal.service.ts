/**
 * The public credit lookup (§7): what anyone may learn about a market entity without logging in.
 * Read-only, no audit (nothing changes); the routes are rate-limited per IP instead.
 */
import type { Page } from '../../../../contracts/common.js';
import { industryName } from '../../../../contracts/industries.js';
import type { PublicCreditResponse, PublicListStatus, PublicRecord, PublicSearchItem, PublicSearchQuery } from '../../../../contracts/portal.js';
import type { Executor } from '../../db/client.js';
import { todayInChina } from '../../platform/calendar/today.js';
import { AppError } from '../../platform/http/errors.js';
import { maskForPortal } from '../../platform/publication/publishable.js';
import { findPublicEntity, searchByName, type PublicListRow } from './portal.repository.js';
import { groundsInWords, PENALTY_PUBLICATION_YEARS } from '../credit/index.js';
import { listRecordPublic, publicGrade } from './portal.rules.js';

/** Records further back than this are not shown publicly (the longest ordinary publication period is 3 years; 5 covers grading windows). */
export const PUBLIC_RECORD_YEARS = 5;
const PUBLIC_RECORD_LIMIT = 200;

function yearsBefore(today: string, years: number): string {
  return `${Number(today.slice(0, 4)) - years}${today.slice(4)}`.replace(/-02-29$/, '-02-28');
}

function listStatus(r: PublicListRow): PublicListStatus {
  const isRound = r.list === 'red' || r.list === 'black';
  return {
    type: r.list,
    since: r.publishedOn ?? r.decisionDate,
    until: isRound ? r.roundValidUntil : r.restrictionUntil && r.autoRemoveOn && r.restrictionUntil > r.autoRemoveOn ? r.restrictionUntil : r.autoRemoveOn,
    grounds: maskForPortal(groundsInWords(r)),
    decisionNo: r.decisionNo,
    penaltyDecisionNo: r.list === 'serious-violation' ? r.penaltyDecisionNo : null,
  };
}

/** The public view of one entity: registry data, grade, lists published now, public records. */
export async function publicCredit(db: Executor, uscc: string, opts: { years?: number; today?: string } = {}): Promise<PublicCreditResponse & { entityId: number }> {
  const today = opts.today ?? todayInChina();
  const e = await findPublicEntity(db, uscc, { today, recordsSince: yearsBefore(today, opts.years ?? PUBLIC_RECORD_YEARS), recordLimit: PUBLIC_RECORD_LIMIT });
  if (!e) throw new AppError('NOT_FOUND', { message: { zh: `未找到统一社会信用代码为 ${uscc} 的市场主体`, en: `No market entity with USCC ${uscc}` } });
  const { entries, records } = e;
  const { grade, gradeState } = publicGrade(e.grade, e.gradeAwaitingPublication);
  const withEntries = new Set(e.penaltyRecordsWithEntries);
  // A penalty is public while its publication runs (Order 45): while a published entry rests on
  // it, or — recorded without a publication entry — for the default 3 years. Once publication
  // ends or is stopped by credit repair, the penalty leaves the public view.
  const publishedPenalties = new Set(entries.filter((x) => x.list === 'penalty-publication' && x.sourceRecordId !== null).map((x) => x.sourceRecordId!));
  const penaltyCutoff = yearsBefore(today, PENALTY_PUBLICATION_YEARS);
  const publishedEntryIds = new Set(entries.map((x) => x.id));
  const visible = records.filter((r) => {
    if (!listRecordPublic(r, publishedEntryIds)) return false;
    if (r.kind !== 'penalty') return true;
    if (publishedPenalties.has(r.id) || (r.correctsId !== null && publishedPenalties.has(r.correctsId))) return true;
    const original = r.correctsId ?? r.id;
    return !withEntries.has(r.id) && !withEntries.has(original) && r.occurredOn > penaltyCutoff;
  });
  return {
    entityId: e.id,
    uscc: e.uscc,
    name: e.name,
    formerNames: e.formerNames,
    entityType: e.entityType,
    legalRep: e.legalRep,
    address: e.address,
    districtCode: e.districtCode,
    district: e.district,
    industry: industryName(e.industrySection, e.industryDivision),
    status: e.status,
    establishedOn: e.establishedOn,
    grade,
    gradeState,
    gradeComputedAt: grade === null ? null : e.gradeComputedAt,
    lists: entries.map(listStatus),
    records: visible.map(
      // Masked again on the way out: text is checked on submission, but older rows and imports were not (defence in depth).
      (r): PublicRecord => ({ id: r.id, kind: r.kind, title: maskForPortal(r.title), occurredOn: r.occurredOn, corrected: r.correctsId !== null, payload: maskForPortal(r.payload) }),
    ),
  };
}

export async function searchPublic(db: Executor, q: PublicSearchQuery): Promise<Page<PublicSearchItem>> {
  const { rows, total } = await searchByName(db, q.name, q.page, q.pageSize);
  const items = rows.map(({ grade, gradeAwaitingPublication, ...r }) => ({ ...r, ...publicGrade(grade, gradeAwaitingPublication) }));
  return { items, total, page: q.page, pageSize: q.pageSize };
}

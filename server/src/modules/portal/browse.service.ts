/**
 * Public browsing of the lists (名单公示, no login): 红榜, 黑榜, 严重违法失信名单 and 经营异常名录 as
 * published today — serious-violation entries from publication until removed (Order 44 Art. 14,
 * 18, 21), abnormal-list entries while listed (Order 101 of 2025), red and black members while
 * their round is valid. Registry names and the grounds in words; no people, no contacts.
 */
import type { Page } from '../../../../contracts/common.js';
import { industryName } from '../../../../contracts/industries.js';
import type { PublicBrowseList, PublicListItem, PublicListQuery } from '../../../../contracts/portal.js';
import type { Executor } from '../../db/client.js';
import { todayInChina } from '../../platform/calendar/today.js';
import { maskForPortal } from '../../platform/publication/publishable.js';
import { groundsInWords } from '../credit/index.js';
import { browsePublishedEntries, publicDistricts, type PublicListEntryRow } from './browse.repository.js';

/** Until when an entry stays published, when a rule fixes it (the abnormal list has no end date: it ends with the cure). */
function untilOf(r: PublicListEntryRow): string | null {
  if (r.list === 'red' || r.list === 'black') return r.roundValidUntil;
  if (r.restrictionUntil && r.autoRemoveOn && r.restrictionUntil > r.autoRemoveOn) return r.restrictionUntil;
  return r.autoRemoveOn;
}

function toItem(r: PublicListEntryRow): PublicListItem {
  return {
    uscc: r.uscc,
    name: r.name,
    districtCode: r.districtCode,
    district: r.district,
    industry: industryName(r.industrySection, r.industryDivision),
    groundsCode: r.grounds,
    // Officers' free text: masked as the lookup masks it.
    grounds: maskForPortal(groundsInWords(r)),
    decisionNo: r.decisionNo,
    penaltyDecisionNo: r.list === 'serious-violation' ? r.penaltyDecisionNo : null,
    since: r.publishedOn ?? r.decisionDate,
    until: untilOf(r),
    round: r.roundTitle !== null && r.roundPeriod !== null ? { title: r.roundTitle, period: r.roundPeriod } : null,
  };
}

/** One page of a list as published today. */
export async function browseList(db: Executor, list: PublicBrowseList, q: PublicListQuery, today = todayInChina()): Promise<Page<PublicListItem>> {
  const { rows, total } = await browsePublishedEntries(db, list, q, today);
  return { items: rows.map(toItem), total, page: q.page, pageSize: q.pageSize };
}

export { publicDistricts };

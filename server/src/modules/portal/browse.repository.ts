/**
 * Reads for public browsing of the lists (名单公示): entries published now, filtered by district,
 * industry, grounds and listing date, one page at a time. Only columns the public may see.
 */
import { and, asc, count, desc, eq, like, or, sql, type SQL } from 'drizzle-orm';
import { parseIndustryCode } from '../../../../contracts/industries.js';
import type { PublicBrowseList, PublicListQuery } from '../../../../contracts/portal.js';
import type { Executor } from '../../db/client.js';
import { pageWindow } from '../../db/query-helpers.js';
import { districtPrefix } from '../../platform/data-scope/data-scope.js';
import { creditHonourRound } from '../credit/honours/honour.table.js';
import { creditListEntry } from '../credit/lists/lists.table.js';
import { entity } from '../entities/index.js';
import { district } from '../system/system.table.js';
import { publishedNow, type PublicListRow } from './portal.repository.js';

/** A published entry as the lists page shows it: the entry's public fields (as on the lookup) and its entity. */
export interface PublicListEntryRow extends Omit<PublicListRow, 'id' | 'sourceRecordId'> {
  uscc: string;
  name: string;
  districtCode: string;
  district: string | null;
  industrySection: string;
  industryDivision: string | null;
  roundTitle: string | null;
  roundPeriod: string | null;
}

/** The day an entry became public: its publication, or (abnormal list, public from listing) its decision. */
const since = sql<string>`coalesce(${creditListEntry.publishedOn}, ${creditListEntry.decisionDate})`;

function filters(list: PublicBrowseList, q: PublicListQuery, today: string): SQL {
  const industry = q.industry ? parseIndustryCode(q.industry) : null;
  return and(
    eq(creditListEntry.list, list),
    publishedNow(today),
    q.districtCode ? like(entity.districtCode, `${districtPrefix(q.districtCode)}%`) : undefined,
    industry ? eq(entity.industrySection, industry.section) : undefined,
    industry?.division ? eq(entity.industryDivision, industry.division) : undefined,
    // A group (quality_safety) covers its sub-grounds (quality_safety.ccc_uncertified …).
    q.grounds ? or(eq(creditListEntry.grounds, q.grounds), like(creditListEntry.grounds, `${q.grounds.replace(/[%_\\]/g, (c) => `\\${c}`)}.%`)) : undefined,
    q.from ? sql`${since} >= ${q.from}` : undefined,
    q.to ? sql`${since} <= ${q.to}` : undefined,
  )!;
}

/** One page of a list's entries published on `today`, newest listing first, and how many there are. */
export async function browsePublishedEntries(db: Executor, list: PublicBrowseList, q: PublicListQuery, today: string): Promise<{ rows: PublicListEntryRow[]; total: number }> {
  const where = filters(list, q, today);
  const { offset, limit } = pageWindow(q.page, q.pageSize);
  const rows = await db
    .select({
      uscc: entity.uscc,
      name: entity.name,
      districtCode: entity.districtCode,
      district: district.name,
      industrySection: entity.industrySection,
      industryDivision: entity.industryDivision,
      list: creditListEntry.list,
      grounds: creditListEntry.grounds,
      groundsText: creditListEntry.groundsText,
      decisionNo: creditListEntry.decisionNo,
      penaltyDecisionNo: creditListEntry.penaltyDecisionNo,
      decisionDate: creditListEntry.decisionDate,
      publishedOn: creditListEntry.publishedOn,
      autoRemoveOn: creditListEntry.autoRemoveOn,
      restrictionUntil: creditListEntry.restrictionUntil,
      roundTitle: creditHonourRound.title,
      roundPeriod: creditHonourRound.period,
      roundValidUntil: creditHonourRound.validUntil,
    })
    .from(creditListEntry)
    .innerJoin(entity, eq(entity.id, creditListEntry.entityId))
    .leftJoin(district, eq(district.code, entity.districtCode))
    .leftJoin(creditHonourRound, eq(creditHonourRound.id, creditListEntry.roundId))
    .where(where)
    .orderBy(desc(since), desc(creditListEntry.id))
    .limit(limit)
    .offset(offset);
  const [total] = await db.select({ n: count() }).from(creditListEntry).innerJoin(entity, eq(entity.id, creditListEntry.entityId)).where(where);
  return { rows, total: total?.n ?? 0 };
}

/** Active districts, for the public filters. */
export async function publicDistricts(db: Executor): Promise<{ code: string; name: string }[]> {
  return db.select({ code: district.code, name: district.name }).from(district).where(eq(district.status, 'active')).orderBy(asc(district.level), asc(district.sort), asc(district.code));
}

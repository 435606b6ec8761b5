/**
 * Market entities (市场主体), their products and licences, and the quality archive (质量档案): one
 * append-only stream of typed records per entity. Every table that hangs off an entity carries
 * `entity_id`, the distribution key should the archive ever be sharded (DESIGN §4).
 */
import { sql } from 'drizzle-orm';
import { bigint, boolean, char, date, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

export const entity = pgTable(
  'entity',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    uscc: char('uscc', { length: 18 }).notNull(),
    name: varchar('name', { length: 200 }).notNull(),
    formerNames: text('former_names').array().notNull().default(sql`'{}'::text[]`),
    entityType: varchar('entity_type', { length: 16 }).notNull(),
    legalRep: varchar('legal_rep', { length: 100 }),
    address: varchar('address', { length: 300 }),
    districtCode: varchar('district_code', { length: 6 }).notNull(),
    industrySection: char('industry_section', { length: 1 }).notNull(),
    industryDivision: char('industry_division', { length: 2 }),
    /** 万元. */
    registeredCapital: doublePrecision('registered_capital'),
    establishedOn: date('established_on', { mode: 'string' }),
    status: varchar('status', { length: 16 }).notNull(),
    scale: varchar('scale', { length: 8 }),
    contactName: varchar('contact_name', { length: 50 }),
    contactPhone: varchar('contact_phone', { length: 30 }),
    /** 质量安全总监 / 首席质量官 (SAMR Order 75 Art. 5). */
    qualityOfficer: varchar('quality_officer', { length: 50 }),
    qualityOfficerSince: date('quality_officer_since', { mode: 'string' }),
    /**
     * jieba search-mode tokens of the name and former names, space separated; the full-text index
     * is `to_tsvector('simple', search_text)` (jieba segments, PostgreSQL only splits on spaces).
     */
    searchText: text('search_text').notNull(),
    /**
     * Pinyin of the name and former names (entities.pinyin.ts): whole pinyin and initials, with
     * variants for polyphonic characters, space separated and ASCII, behind a trigram index
     * (`tjdz`, `tianjin deze`, and near matches by sound). NULL only on rows registered before
     * migration 0010 until the start-up backfill has computed them.
     */
    namePinyin: text('name_pinyin'),
    /** Whether any product needs a production licence / CCC (kept in step with entity_product). */
    licensedProducts: boolean('licensed_products').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('entity_uscc_uq').on(t.uscc),
    index('entity_district_idx').on(t.districtCode),
    index('entity_industry_idx').on(t.industrySection, t.industryDivision),
    index('entity_search_idx').using('gin', sql`to_tsvector('simple', ${t.searchText})`),
    index('entity_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')),
    index('entity_name_pinyin_trgm_idx').using('gin', t.namePinyin.op('gin_trgm_ops')),
    // Rows still waiting for their pinyin: empty once the backfill is done, so finding none is instant.
    index('entity_name_pinyin_missing_idx').on(t.id).where(sql`${t.namePinyin} is null`),
    // Exact former-name lookups (the public search's exact match: 曾用名 = keyword) without a scan.
    index('entity_former_names_idx').using('gin', t.formerNames),
  ],
);

export const entityProduct = pgTable(
  'entity_product',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    entityId: bigint('entity_id', { mode: 'number' })
      .notNull()
      .references(() => entity.id),
    name: varchar('name', { length: 200 }).notNull(),
    category: varchar('category', { length: 100 }),
    brand: varchar('brand', { length: 100 }),
    model: varchar('model', { length: 100 }),
    standard: varchar('standard', { length: 100 }),
    licenceRequired: boolean('licence_required').notNull().default(false),
    cccRequired: boolean('ccc_required').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index('entity_product_entity_idx').on(t.entityId)],
);

export const entityLicence = pgTable(
  'entity_licence',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    entityId: bigint('entity_id', { mode: 'number' })
      .notNull()
      .references(() => entity.id),
    kind: varchar('kind', { length: 24 }).notNull(),
    name: varchar('name', { length: 200 }).notNull(),
    number: varchar('number', { length: 100 }).notNull(),
    issuer: varchar('issuer', { length: 200 }),
    issuedOn: date('issued_on', { mode: 'string' }),
    validUntil: date('valid_until', { mode: 'string' }),
    revokedOn: date('revoked_on', { mode: 'string' }),
    createdAt: createdAt(),
  },
  (t) => [index('entity_licence_entity_idx').on(t.entityId), uniqueIndex('entity_licence_number_uq').on(t.entityId, t.kind, t.number)],
);

/**
 * The archive. Append-only (a trigger refuses UPDATE/DELETE): a correction is a new record naming
 * the corrected one in `corrects_id`. `source_module` + `source_id` make appends from other modules
 * idempotent: the same source event appended twice is one record.
 */
export const archiveRecord = pgTable(
  'archive_record',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    entityId: bigint('entity_id', { mode: 'number' })
      .notNull()
      .references(() => entity.id),
    kind: varchar('kind', { length: 24 }).notNull(),
    title: varchar('title', { length: 300 }).notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    recordedBy: varchar('recorded_by', { length: 64 }).notNull(),
    sourceModule: varchar('source_module', { length: 24 }).notNull(),
    sourceId: varchar('source_id', { length: 64 }),
    visibility: varchar('visibility', { length: 8 }).notNull(),
    correctsId: bigint('corrects_id', { mode: 'number' }),
    retracts: boolean('retracts').notNull().default(false),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    index('archive_record_entity_idx').on(t.entityId, t.occurredOn),
    index('archive_record_corrects_idx').on(t.correctsId),
    index('archive_record_kind_idx').on(t.kind, t.occurredOn),
    uniqueIndex('archive_record_source_uq').on(t.sourceModule, t.sourceId, t.kind).where(sql`${t.sourceId} is not null`),
  ],
);

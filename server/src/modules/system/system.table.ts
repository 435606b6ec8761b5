/**
 * Tables of the system module: organisation (districts, departments, users, roles), dictionaries
 * and the working-day calendar. Small reference tables: no distribution key needed (DESIGN §4).
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

/** 行政区划, keyed by its GB/T 2260 code. */
export const district = pgTable(
  'district',
  {
    code: varchar('code', { length: 12 }).primaryKey(),
    name: varchar('name', { length: 50 }).notNull(),
    parentCode: varchar('parent_code', { length: 12 }),
    level: smallint('level').notNull(),
    sort: integer('sort').notNull().default(0),
    status: varchar('status', { length: 16 }).notNull().default('active'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('district_parent_idx').on(t.parentCode)],
);

/** 部门: a tree; `ancestors` is the comma-joined id path from the root ("0,1,5"), as in RuoYi. */
export const department = pgTable(
  'department',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    parentId: integer('parent_id'),
    ancestors: varchar('ancestors', { length: 500 }).notNull(),
    name: varchar('name', { length: 100 }).notNull(),
    shortName: varchar('short_name', { length: 50 }),
    /** Other names the unit goes by in documents (市市场监管委, 盐城质监局 …), for matching. */
    aliases: text('aliases').array().notNull().default(sql`'{}'::text[]`),
    kind: varchar('kind', { length: 16 }).notNull(),
    districtCode: varchar('district_code', { length: 12 }).references(() => district.code),
    leader: varchar('leader', { length: 50 }),
    phone: varchar('phone', { length: 30 }),
    sort: integer('sort').notNull().default(0),
    status: varchar('status', { length: 16 }).notNull().default('active'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('department_parent_idx').on(t.parentId),
    // Sibling names are unique; a NULL parent (root) is coalesced so roots are unique too.
    uniqueIndex('department_parent_name_uq').on(sql`coalesce(${t.parentId}, 0)`, t.name),
  ],
);

/** 用户. `app_user` because `user` is reserved in PostgreSQL. */
export const appUser = pgTable(
  'app_user',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** Stored lower-case; login is case-insensitive. */
    username: varchar('username', { length: 32 }).notNull(),
    displayName: varchar('display_name', { length: 50 }).notNull(),
    deptId: integer('dept_id').references(() => department.id),
    districtCode: varchar('district_code', { length: 12 }).references(() => district.code),
    phone: varchar('phone', { length: 30 }),
    email: varchar('email', { length: 100 }),
    /** For enterprise users: the 统一社会信用代码 of the enterprise they act for. */
    enterpriseUscc: varchar('enterprise_uscc', { length: 18 }),
    status: varchar('status', { length: 16 }).notNull().default('active'),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true, mode: 'date' }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true, mode: 'date' }),
    lastLoginIp: varchar('last_login_ip', { length: 64 }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('app_user_username_uq').on(t.username),
    index('app_user_dept_idx').on(t.deptId),
    index('app_user_district_idx').on(t.districtCode),
  ],
);

/**
 * Failed logins per (username as typed, source address) — the lockout (issue 12 §1.2). Counted per
 * source, so failures from one address never lock the owner out from another; keyed by the typed
 * name, known or not, so an unknown name is answered exactly like a known one. The source is the
 * client address (an IPv6 /64), as the reverse proxy reports it when ZHILIANG_TRUST_PROXY says so.
 */
export const loginFailure = pgTable(
  'login_failure',
  {
    /** Normalised (trimmed, lower case); up to the 64 characters a login request may carry. */
    username: varchar('username', { length: 64 }).notNull(),
    source: varchar('source', { length: 64 }).notNull(),
    /** Consecutive failures since the last success, lock or unlock (forgotten after a day). */
    failedCount: integer('failed_count').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
    lastFailedAt: timestamp('last_failed_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.username, t.source] }), index('login_failure_last_failed_idx').on(t.lastFailedAt)],
);

/** 角色 with its data scope (数据权限). */
export const role = pgTable(
  'role',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    key: varchar('key', { length: 40 }).notNull(),
    name: varchar('name', { length: 50 }).notNull(),
    dataScope: varchar('data_scope', { length: 20 }).notNull(),
    sort: integer('sort').notNull().default(0),
    status: varchar('status', { length: 16 }).notNull().default('active'),
    builtin: boolean('builtin').notNull().default(false),
    remark: varchar('remark', { length: 500 }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('role_key_uq').on(t.key), uniqueIndex('role_name_uq').on(t.name)],
);

export const rolePermission = pgTable(
  'role_permission',
  {
    roleId: integer('role_id')
      .notNull()
      .references(() => role.id, { onDelete: 'cascade' }),
    permission: varchar('permission', { length: 100 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.roleId, t.permission] })],
);

/**
 * Every permission string the roles have been seeded with. When a new module adds permissions,
 * built-in roles receive their default share of the NEW ones once; a permission an administrator
 * later took away is not granted again.
 */
export const permissionCatalog = pgTable('permission_catalog', {
  permission: varchar('permission', { length: 100 }).primaryKey(),
  introducedAt: timestamp('introduced_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Departments of a role whose data scope is `custom`. */
export const roleDepartment = pgTable(
  'role_department',
  {
    roleId: integer('role_id')
      .notNull()
      .references(() => role.id, { onDelete: 'cascade' }),
    deptId: integer('dept_id')
      .notNull()
      .references(() => department.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.roleId, t.deptId] })],
);

export const userRole = pgTable(
  'user_role',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    roleId: integer('role_id')
      .notNull()
      .references(() => role.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.roleId] }), index('user_role_role_idx').on(t.roleId)],
);

/** 字典类型. */
export const dictType = pgTable('dict_type', {
  type: varchar('type', { length: 50 }).primaryKey(),
  nameZh: varchar('name_zh', { length: 50 }).notNull(),
  nameEn: varchar('name_en', { length: 100 }),
  builtin: boolean('builtin').notNull().default(false),
  status: varchar('status', { length: 16 }).notNull().default('active'),
  remark: varchar('remark', { length: 500 }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** 字典数据. */
export const dictItem = pgTable(
  'dict_item',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    dictType: varchar('dict_type', { length: 50 })
      .notNull()
      .references(() => dictType.type, { onDelete: 'cascade', onUpdate: 'cascade' }),
    value: varchar('value', { length: 50 }).notNull(),
    labelZh: varchar('label_zh', { length: 100 }).notNull(),
    labelEn: varchar('label_en', { length: 100 }),
    color: varchar('color', { length: 20 }),
    sort: integer('sort').notNull().default(0),
    status: varchar('status', { length: 16 }).notNull().default('active'),
    builtin: boolean('builtin').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('dict_item_type_value_uq').on(t.dictType, t.value)],
);

/** A loaded calendar year, with where its schedule came from (the State Council notice). */
export const calendarYear = pgTable('calendar_year', {
  year: smallint('year').primaryKey(),
  source: varchar('source', { length: 200 }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** One row per day of every loaded year. */
export const calendarDay = pgTable(
  'calendar_day',
  {
    date: date('date', { mode: 'string' }).primaryKey(),
    year: smallint('year')
      .notNull()
      .references(() => calendarYear.year, { onDelete: 'cascade' }),
    kind: varchar('kind', { length: 20 }).notNull(),
    name: varchar('name', { length: 50 }),
    updatedAt: updatedAt(),
  },
  (t) => [index('calendar_day_year_idx').on(t.year)],
);

/**
 * 公文发文机关: who issues each kind of official document the product produces — its 发文机关标志,
 * 署名, 机关代字 and 印发机关. No row: the coded default (doc-issuer.rules.ts) applies.
 */
export const docIssuer = pgTable('doc_issuer', {
  key: varchar('key', { length: 32 }).primaryKey(),
  name: varchar('name', { length: 100 }).notNull(),
  mark: varchar('mark', { length: 40 }).notNull(),
  prefix: varchar('prefix', { length: 12 }).notNull(),
  printer: varchar('printer', { length: 100 }).notNull(),
  updatedBy: varchar('updated_by', { length: 64 }).notNull(),
  updatedAt: updatedAt(),
});

/**
 * The last 发文字号 sequence number given per 机关代字 and year. Taking a number updates this row,
 * which serialises concurrent issuers; a rolled-back issue gives its number back (no gaps).
 */
export const docNumberCounter = pgTable(
  'doc_number_counter',
  {
    prefix: varchar('prefix', { length: 12 }).notNull(),
    year: smallint('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.prefix, t.year] })],
);

/**
 * Every 发文字号 given, with what it numbers (`kind` + `ref`, e.g. assessment-notice + scheme:12):
 * a number is unique, and the same document asked for again keeps its number.
 */
export const docNumber = pgTable(
  'doc_number',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    docNumber: varchar('doc_number', { length: 40 }).notNull(),
    prefix: varchar('prefix', { length: 12 }).notNull(),
    year: smallint('year').notNull(),
    seq: integer('seq').notNull(),
    kind: varchar('kind', { length: 32 }).notNull(),
    ref: varchar('ref', { length: 200 }).notNull(),
    issuedBy: varchar('issued_by', { length: 64 }).notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('doc_number_uq').on(t.docNumber),
    uniqueIndex('doc_number_seq_uq').on(t.prefix, t.year, t.seq),
    uniqueIndex('doc_number_ref_uq').on(t.kind, t.ref),
  ],
);

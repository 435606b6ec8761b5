/**
 * SQL of the entity import. Rows whose USCC is not registered yet go straight into `entity`: on
 * PostgreSQL with `COPY … FROM STDIN` (the bulk path the benchmark's floor uses: batched heap
 * inserts, one statement per batch), on PGlite with one `INSERT … SELECT FROM unnest(arrays)`.
 * Rows of registered entities go through a temporary staging table (filled the same two ways),
 * then one `INSERT … ON CONFLICT (uscc) DO UPDATE` that only touches rows whose content differs and
 * counts inserted vs updated with `xmax = 0`.
 */
import { sql, type SQL } from 'drizzle-orm';
import pg from 'pg';
import type { Transaction } from '../../../db/client.js';

/** A staged row: the entity table's columns, as `entityColumns` builds them. */
export interface StagedEntity {
  rowNo: number;
  uscc: string;
  name: string;
  formerNames: string[];
  entityType: string;
  legalRep: string | null;
  address: string | null;
  districtCode: string;
  industrySection: string;
  industryDivision: string | null;
  registeredCapital: number | null;
  establishedOn: string | null;
  status: string;
  scale: string | null;
  contactName: string | null;
  contactPhone: string | null;
  qualityOfficer: string | null;
  qualityOfficerSince: string | null;
  searchText: string;
  namePinyin: string;
}

/** Staging columns in order: [column, SQL type, value of a row]. */
const STAGE_COLUMNS: readonly (readonly [string, string, (r: StagedEntity) => string | number | null])[] = [
  ['row_no', 'int', (r) => r.rowNo],
  ['uscc', 'text', (r) => r.uscc],
  ['name', 'text', (r) => r.name],
  ['former_names', 'text', (r) => arrayLiteral(r.formerNames)],
  ['entity_type', 'text', (r) => r.entityType],
  ['legal_rep', 'text', (r) => r.legalRep],
  ['address', 'text', (r) => r.address],
  ['district_code', 'text', (r) => r.districtCode],
  ['industry_section', 'text', (r) => r.industrySection],
  ['industry_division', 'text', (r) => r.industryDivision],
  ['registered_capital', 'float8', (r) => r.registeredCapital],
  ['established_on', 'date', (r) => r.establishedOn],
  ['status', 'text', (r) => r.status],
  ['scale', 'text', (r) => r.scale],
  ['contact_name', 'text', (r) => r.contactName],
  ['contact_phone', 'text', (r) => r.contactPhone],
  ['quality_officer', 'text', (r) => r.qualityOfficer],
  ['quality_officer_since', 'date', (r) => r.qualityOfficerSince],
  ['search_text', 'text', (r) => r.searchText],
  ['name_pinyin', 'text', (r) => r.namePinyin],
];

/** A PostgreSQL array literal ({"a","b",NULL}) of text values: one bound parameter however many rows. */
export function arrayLiteral(values: readonly (string | number | null)[]): string {
  const parts = values.map((v) => (v === null ? 'NULL' : `"${String(v).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`));
  return `{${parts.join(',')}}`;
}

/** One value in COPY's text format: \N for NULL, backslash escapes for the four special characters. */
function copyValue(v: string | number | null): string {
  if (v === null) return '\\N';
  const s = typeof v === 'number' ? String(v) : v;
  return COPY_SPECIAL.test(s) ? s.replace(COPY_SPECIAL_ALL, (c) => COPY_ESCAPES[c]!) : s;
}
const COPY_SPECIAL = /[\\\t\n\r]/;
const COPY_SPECIAL_ALL = /[\\\t\n\r]/g;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** Rows as COPY text (tab-separated columns, one line per row). */
export function copyText(rows: readonly StagedEntity[], columns: typeof STAGE_COLUMNS): string {
  let out = '';
  for (const r of rows) {
    let line = '';
    for (let i = 0; i < columns.length; i++) line += (i === 0 ? '' : '\t') + copyValue(columns[i]![2](r));
    out += `${line}\n`;
  }
  return out;
}

/**
 * `COPY … FROM STDIN` with the whole data at hand, as a node-postgres custom query (the protocol
 * pg-copy-streams speaks, without the dependency): send the statement, on CopyInResponse send the
 * data and CopyDone, settle on ReadyForQuery — or on the error, which the server reports once it
 * has dropped the copy.
 */
class CopyIn {
  readonly done: Promise<number>;
  private settle!: { resolve: (rows: number) => void; reject: (e: Error) => void };
  private rows = 0;

  constructor(
    private readonly text: string,
    private readonly data: Buffer,
  ) {
    this.done = new Promise((resolve, reject) => (this.settle = { resolve, reject }));
  }

  submit(connection: PgConnection): void {
    connection.query(this.text);
  }

  handleCopyInResponse(connection: PgConnection): void {
    connection.sendCopyFromChunk(this.data);
    connection.endCopyFrom();
  }

  handleCommandComplete(msg: { text?: string }): void {
    this.rows = Number(/^COPY (\d+)/.exec(msg.text ?? '')?.[1] ?? 0);
  }

  handleReadyForQuery(): void {
    this.settle.resolve(this.rows);
  }

  handleError(err: Error): void {
    this.settle.reject(err);
  }

  // Not sent in answer to COPY FROM STDIN; present because the client may route any message here.
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}
}

interface PgConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

/** The node-postgres client under a transaction, or null on PGlite (drizzle keeps it on the session). */
function pgClientOf(tx: Transaction): pg.ClientBase | null {
  const client = (tx as unknown as { session?: { client?: unknown } }).session?.client;
  return client instanceof pg.Client ? client : null;
}

async function copyIn(client: pg.ClientBase, table: string, columns: typeof STAGE_COLUMNS, rows: readonly StagedEntity[]): Promise<number> {
  const copy = new CopyIn(`copy ${table} (${columns.map(([c]) => c).join(', ')}) from stdin`, Buffer.from(copyText(rows, columns)));
  void client.query(copy as unknown as pg.QueryConfig);
  return copy.done;
}

/** Thrown when an entity the import found unregistered was registered meanwhile (a concurrent form or import). */
export class UsccRegisteredMeanwhile extends Error {
  constructor(cause: unknown) {
    super('an imported USCC was registered by another transaction during the import', { cause });
  }
}

function isUsccConflict(e: unknown): boolean {
  for (let c: unknown = e, depth = 0; c && depth < 4; c = (c as { cause?: unknown }).cause, depth++) {
    const err = c as { code?: unknown; constraint?: unknown };
    if (err.code === '23505' && (err.constraint === undefined || err.constraint === 'entity_uscc_uq')) return true;
  }
  return false;
}

/**
 * Which of these USCCs are registered: one unique-index probe each. The lateral `limit 1` keeps
 * the plan a probe per code even while the table grows unanalysed inside the import (a plain
 * `uscc = any (…)` may turn into a scan of the whole table once it is large).
 */
export async function registeredUsccs(tx: Transaction, usccs: readonly string[]): Promise<Set<string>> {
  if (usccs.length === 0) return new Set();
  const rows = await rowsOf<{ uscc: string }>(
    tx,
    sql`select e.uscc from unnest(${arrayLiteral(usccs)}::bpchar[]) as u(uscc) join lateral (select uscc from entity where uscc = u.uscc limit 1) e on true`,
  );
  return new Set(rows.map((r) => r.uscc));
}

/**
 * Insert rows whose USCC was not registered when the batch was probed (they need no conflict
 * handling). A USCC registered by another transaction since then fails the statement — and with
 * it the transaction — with `UsccRegisteredMeanwhile`; the caller starts over the upserting way.
 */
export async function insertUnregistered(tx: Transaction, rows: readonly StagedEntity[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = STAGE_COLUMNS.filter(([c]) => c !== 'row_no');
  try {
    const client = pgClientOf(tx);
    if (client) await copyIn(client, 'entity', columns, rows);
    else await insertFromArrays(tx, 'entity', columns, rows);
  } catch (e) {
    if (isUsccConflict(e)) throw new UsccRegisteredMeanwhile(e);
    throw e;
  }
}

/** `INSERT … SELECT FROM unnest(arrays)`: one array parameter per column, however many rows. */
async function insertFromArrays(tx: Transaction, table: string, columns: typeof STAGE_COLUMNS, rows: readonly StagedEntity[]): Promise<void> {
  const arrays = columns.map(([, type, get]) => sql`${arrayLiteral(rows.map(get))}::${sql.raw(type)}[]`);
  const cols = columns.map(([c]) => c);
  // former_names travels as the text of an array literal (unnest would flatten a 2-D array).
  const select = cols.map((c) => (c === 'former_names' ? 'former_names::text[]' : c)).join(', ');
  await tx.execute(sql`insert into ${sql.raw(table)} (${sql.raw(cols.join(', '))})
    select ${sql.raw(select)} from unnest(${sql.join(arrays, sql`, `)}) as u(${sql.raw(cols.join(', '))})`);
}

async function rowsOf<T>(tx: Transaction, query: SQL): Promise<T[]> {
  return ((await tx.execute(query)) as unknown as { rows: T[] }).rows;
}

/** The staging table, private to this transaction (dropped at commit). */
export async function createStage(tx: Transaction): Promise<void> {
  await tx.execute(sql`create temporary table entity_import_stage (
    row_no int not null, uscc char(18) not null, name varchar(200) not null, former_names text[] not null,
    entity_type varchar(16) not null, legal_rep varchar(100), address varchar(300), district_code varchar(6) not null,
    industry_section char(1) not null, industry_division char(2), registered_capital double precision, established_on date,
    status varchar(16) not null, scale varchar(8), contact_name varchar(50), contact_phone varchar(30),
    quality_officer varchar(50), quality_officer_since date, search_text text not null, name_pinyin text not null
  ) on commit drop`);
}

/** Empty the staging table for the next batch. */
export async function clearStage(tx: Transaction): Promise<void> {
  await tx.execute(sql`truncate entity_import_stage`);
}

/** Stage a batch: COPY on PostgreSQL, one unnest insert on PGlite. */
export async function stageBatch(tx: Transaction, rows: readonly StagedEntity[]): Promise<void> {
  if (rows.length === 0) return;
  const client = pgClientOf(tx);
  if (client) await copyIn(client, 'entity_import_stage', STAGE_COLUMNS, rows);
  else await insertFromArrays(tx, 'entity_import_stage', STAGE_COLUMNS, rows);
}

/**
 * Staged rows whose entity already exists in a district outside the importer's scope (a district
 * user may not move another district's entity into theirs).
 */
export async function stagedOutsideScope(tx: Transaction, jurisdictionPrefixes: readonly string[]): Promise<{ rowNo: number; districtCode: string }[]> {
  const patterns = arrayLiteral(jurisdictionPrefixes.map((p) => `${p}%`));
  return rowsOf(
    tx,
    sql`select s.row_no as "rowNo", e.district_code as "districtCode" from entity_import_stage s join entity e on e.uscc = s.uscc
        where not (e.district_code like any (${patterns}::text[])) order by s.row_no`,
  );
}

export async function dropStagedRows(tx: Transaction, rowNos: readonly number[]): Promise<void> {
  if (rowNos.length === 0) return;
  await tx.execute(sql`delete from entity_import_stage where row_no = any (${arrayLiteral(rowNos)}::int[])`);
}

/** Optional columns the file may leave out; stored values of absent columns are kept. */
export const OPTIONAL_ENTITY_COLUMNS = ['entity_type', 'legal_rep', 'address', 'registered_capital', 'established_on', 'status', 'scale', 'contact_name', 'contact_phone', 'quality_officer'] as const;
export type OptionalEntityColumn = (typeof OPTIONAL_ENTITY_COLUMNS)[number];

/**
 * Upsert the staged rows. Updated are only existing entities whose imported columns differ
 * (IS DISTINCT FROM treats NULLs as values); an update bumps the version like a form edit.
 * When the file has no 曾用名 column, former names stay, and the search text is replaced only
 * when the name changes.
 */
export async function upsertStaged(tx: Transaction, opts: { columns: readonly OptionalEntityColumn[]; formerNames: boolean }): Promise<{ inserted: number; updated: number }> {
  const compared = ['name', 'district_code', 'industry_section', 'industry_division', ...opts.columns, ...(opts.formerNames ? ['former_names'] : [])];
  const all = STAGE_COLUMNS.map(([c]) => c).filter((c) => c !== 'row_no');
  const set = [
    ...compared.map((c) => `${c} = excluded.${c}`),
    opts.formerNames ? 'search_text = excluded.search_text' : 'search_text = case when entity.name = excluded.name then entity.search_text else excluded.search_text end',
    // The pinyin follows the names as the search text does (and fills a row still waiting for the backfill).
    opts.formerNames
      ? 'name_pinyin = excluded.name_pinyin'
      : 'name_pinyin = case when entity.name = excluded.name and entity.name_pinyin is not null then entity.name_pinyin else excluded.name_pinyin end',
    'version = entity.version + 1',
    'updated_at = now()',
  ];
  const [row] = await rowsOf<{ inserted: number; updated: number }>(
    tx,
    sql`with up as (
      insert into entity (${sql.raw(all.join(', '))})
      select ${sql.raw(all.join(', '))} from entity_import_stage
      on conflict (uscc) do update set ${sql.raw(set.join(', '))}
      where (${sql.raw(compared.map((c) => `entity.${c}`).join(', '))}) is distinct from (${sql.raw(compared.map((c) => `excluded.${c}`).join(', '))})
      returning (xmax = 0) as inserted
    ) select (count(*) filter (where inserted))::int as inserted, (count(*) filter (where not inserted))::int as updated from up`,
  );
  return { inserted: Number(row?.inserted ?? 0), updated: Number(row?.updated ?? 0) };
}

/** The transaction's start (`now()`): every row the upsert writes carries it as `updated_at`. */
export async function transactionStart(tx: Transaction): Promise<Date> {
  const res = (await tx.execute(sql`select now() as t`)) as unknown as { rows: { t: Date | string }[] };
  return new Date(res.rows[0]!.t);
}

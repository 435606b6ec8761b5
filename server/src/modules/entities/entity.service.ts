/** Registry use cases (市场主体名录): search, read, register, edit, products and licences. */
import type { CreateEntityBody, EntityDetail, EntityListQuery, EntityListResponse, EntitySummary, LicenceBody, ProductBody, UpdateEntityBody } from '../../../../contracts/entities.js';
import { industryName, parseIndustryCode } from '../../../../contracts/industries.js';
import { msg, pickLang } from '../../../../contracts/i18n.js';
import type { Database, Executor } from '../../db/client.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import { todayInChina } from '../../platform/calendar/today.js';
import { hasPermission, systemSource, type Ctx } from '../../platform/context.js';
import { jurisdictionInScope, recordInScope } from '../../platform/data-scope/data-scope.js';
import { AppError } from '../../platform/http/errors.js';
import {
  currentEvaluations,
  deleteProduct as deleteProductRow,
  districtName,
  entityExportRows,
  entitiesWithoutPinyin,
  findEntityByUscc,
  insertEntity,
  insertLicence,
  insertProduct,
  knownDistrictCodes,
  licencesOf,
  listEntities as listEntityRows,
  productsOf,
  revokeLicenceRow,
  setLicensedProducts,
  setNamePinyin,
  updateEntityRow,
  type EntityExportFields,
  type EntityRow,
  type LicenceRow,
  type ProductRow,
} from './entities.repository.js';
import { entityFlags, licenceState, maskPhone } from './entities.rules.js';
import { namePinyin } from './entities.pinyin.js';
import { searchText } from './entities.search.js';

/** The entity if the reader may see it: an enterprise user asking about another entity gets 403, anyone else out of scope 404. */
export async function loadEntityForRead(ctx: Ctx, uscc: string, db: Executor = ctx.db): Promise<EntityRow> {
  const e = await findEntityByUscc(db, uscc);
  if (ctx.scope.enterpriseUscc && !ctx.scope.all && ctx.scope.enterpriseUscc !== uscc && ctx.scope.jurisdictionPrefixes.length === 0) {
    throw new AppError('NOT_YOUR_ENTITY');
  }
  if (!e || !recordInScope(ctx.scope, { jurisdictionCode: e.districtCode, enterpriseUscc: e.uscc })) throw new AppError('NOT_FOUND');
  return e;
}

/** Same as read; writes of enterprise users are limited by permission (declarations only). */
export async function loadEntityForWrite(ctx: Ctx, uscc: string, db: Executor = ctx.db): Promise<EntityRow> {
  return loadEntityForRead(ctx, uscc, db);
}

function mayEdit(ctx: Ctx): boolean {
  return hasPermission(ctx, 'entities:entity:update');
}

function toSummary(ctx: Ctx, e: EntityExportFields, extra: { districtName: string | null; grade: string | null; riskClass: string | null }, matchedName: string | null = null): EntitySummary {
  return {
    id: e.id,
    uscc: e.uscc,
    name: e.name,
    entityType: e.entityType,
    districtCode: e.districtCode,
    districtName: extra.districtName,
    industrySection: e.industrySection,
    industryDivision: e.industryDivision,
    industryName: industryName(e.industrySection, e.industryDivision),
    status: e.status,
    scale: e.scale,
    legalRep: e.legalRep,
    grade: hasPermission(ctx, 'credit:evaluation:list') ? extra.grade : null,
    // The risk class is internal to supervision: never for enterprises or the public (issue §3).
    riskClass: hasPermission(ctx, 'credit:risk:list') && !ctx.scope.enterpriseUscc ? extra.riskClass : null,
    missingOfficer: e.licensedProducts && (e.scale === 'large' || e.scale === 'medium') && !e.qualityOfficer,
    matchedName,
  };
}

export async function listEntities(ctx: Ctx, q: EntityListQuery, opts: { matchesMax?: number } = {}): Promise<EntityListResponse> {
  const { rows, total, capped, near } = await listEntityRows(ctx.db, ctx.scope, q, { ...opts, gradeOf: ctx.domain.queries.gradeOf });
  const kw = q.keyword?.trim();
  return {
    items: rows.map((r) => {
      const former = kw && !r.entity.name.includes(kw) ? (r.entity.formerNames.find((n) => n.includes(kw)) ?? null) : null;
      return toSummary(ctx, r.entity, r, former);
    }),
    total,
    capped,
    near,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/**
 * The registry list for the export, in batches, as the list shows it (same filters, scope and
 * ranking); at most `max` + 1 entities (one more says there were more).
 */
export async function* entityExportBatches(ctx: Ctx, q: Omit<EntityListQuery, 'page' | 'pageSize'>, max: number, size: number): AsyncGenerator<EntitySummary[]> {
  for await (const rows of entityExportRows(ctx.db, ctx.scope, q, max, size, ctx.domain.queries.gradeOf)) yield rows.map((r) => toSummary(ctx, r.entity, r));
}

function toProduct(p: ProductRow) {
  return { id: p.id, name: p.name, category: p.category, brand: p.brand, model: p.model, standard: p.standard, licenceRequired: p.licenceRequired, cccRequired: p.cccRequired };
}

function toLicence(l: LicenceRow, today: string) {
  return { id: l.id, kind: l.kind, name: l.name, number: l.number, issuer: l.issuer, issuedOn: l.issuedOn, validUntil: l.validUntil, state: licenceState(l, today), revokedOn: l.revokedOn };
}

export async function getEntity(ctx: Ctx, uscc: string): Promise<EntityDetail> {
  const e = await loadEntityForRead(ctx, uscc);
  return entityDetail(ctx, e);
}

async function entityDetail(ctx: Ctx, e: EntityRow, db: Executor = ctx.db): Promise<EntityDetail> {
  const [products, licences, evals, dName] = await Promise.all([productsOf(db, e.id), licencesOf(db, e.id), currentEvaluations(db, e.id, ctx.domain.queries.gradeOf), districtName(db, e.districtCode)]);
  const today = todayInChina();
  const flags = entityFlags({ scale: e.scale, qualityOfficer: e.qualityOfficer, products, licences }, today).map((f) => ({ code: f.code, message: pickLang(f.message, ctx.lang) }));
  return {
    ...toSummary(ctx, e, { districtName: dName, grade: evals.grade, riskClass: evals.risk }),
    formerNames: e.formerNames,
    address: e.address,
    registeredCapital: e.registeredCapital,
    establishedOn: e.establishedOn,
    contactName: e.contactName,
    // Phone numbers are personal data: shown whole only to those who maintain the registry or to the entity itself.
    contactPhone: mayEdit(ctx) || ctx.scope.enterpriseUscc === e.uscc ? e.contactPhone : maskPhone(e.contactPhone),
    qualityOfficer: e.qualityOfficer,
    qualityOfficerSince: e.qualityOfficerSince,
    products: products.map(toProduct),
    licences: licences.map((l) => toLicence(l, today)),
    flags,
    version: e.version,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

type EntityFields = Omit<CreateEntityBody, 'uscc'>;

async function checkDistrict(ctx: Ctx, code: string, db: Executor): Promise<void> {
  if (!(await knownDistrictCodes(db)).has(code)) {
    throw new AppError('VALIDATION_FAILED', { details: [{ path: 'districtCode', message: pickLang(msg(`区划代码 ${code} 不在区划表中`, `District ${code} is not in the district table`), ctx.lang) }] });
  }
  if (!jurisdictionInScope(ctx.scope, code)) throw new AppError('OUT_OF_SCOPE');
}

/** The columns the form fields map to (industry code split into section and division, search text). */
export function entityColumns(b: EntityFields) {
  const industry = parseIndustryCode(b.industry)!;
  const formerNames = [...new Set(b.formerNames.filter((n) => n !== b.name))];
  return {
    name: b.name,
    formerNames,
    entityType: b.entityType,
    legalRep: b.legalRep,
    address: b.address,
    districtCode: b.districtCode,
    industrySection: industry.section,
    industryDivision: industry.division,
    registeredCapital: b.registeredCapital,
    establishedOn: b.establishedOn,
    status: b.status,
    scale: b.scale,
    contactName: b.contactName,
    contactPhone: b.contactPhone,
    qualityOfficer: b.qualityOfficer,
    qualityOfficerSince: b.qualityOfficerSince,
    searchText: searchText([b.name, ...formerNames]),
    namePinyin: namePinyin([b.name, ...formerNames]),
  };
}

export async function createEntity(ctx: Ctx, body: CreateEntityBody): Promise<EntityDetail> {
  return ctx.db.transaction(async (tx) => {
    await checkDistrict(ctx, body.districtCode, tx);
    if (await findEntityByUscc(tx, body.uscc)) throw new AppError('USCC_TAKEN', { details: { uscc: body.uscc } });
    const row = await insertEntity(tx, { uscc: body.uscc, ...entityColumns(body) });
    await appendAudit(tx, ctx, { action: 'entities.entity.create', targetType: 'entity', targetId: row.id, after: { uscc: row.uscc, name: row.name } });
    await ctx.domain.events.entityChanged(tx, ctx, row.id);
    return entityDetail(ctx, row, tx);
  });
}

/** Edit the registry fields; a renamed entity keeps its old name among its former names. */
export async function updateEntity(ctx: Ctx, uscc: string, body: UpdateEntityBody): Promise<EntityDetail> {
  return ctx.db.transaction(async (tx) => {
    const e = await loadEntityForWrite(ctx, uscc, tx);
    await checkDistrict(ctx, body.districtCode, tx);
    const formerNames = body.name !== e.name && !body.formerNames.includes(e.name) ? [e.name, ...body.formerNames] : body.formerNames;
    const cols = entityColumns({ ...body, formerNames });
    const row = await updateEntityRow(tx, e.id, body.version, cols);
    if (!row) throw new AppError('CONFLICT');
    const changed = Object.fromEntries(Object.entries(cols).filter(([k, v]) => k !== 'searchText' && k !== 'namePinyin' && JSON.stringify(v) !== JSON.stringify((e as Record<string, unknown>)[k])));
    await appendAudit(tx, ctx, {
      action: 'entities.entity.update',
      targetType: 'entity',
      targetId: e.id,
      before: Object.fromEntries(Object.keys(changed).map((k) => [k, (e as Record<string, unknown>)[k]])),
      after: changed,
    });
    await ctx.domain.events.entityChanged(tx, ctx, e.id);
    return entityDetail(ctx, row, tx);
  });
}

export async function addProduct(ctx: Ctx, uscc: string, body: ProductBody): Promise<EntityDetail> {
  return ctx.db.transaction(async (tx) => {
    const e = await loadEntityForWrite(ctx, uscc, tx);
    const p = await insertProduct(tx, { entityId: e.id, ...body });
    await setLicensedProducts(tx, e.id);
    await appendAudit(tx, ctx, { action: 'entities.product.create', targetType: 'entity_product', targetId: p.id, after: { entityId: e.id, ...body } });
    await ctx.domain.events.entityChanged(tx, ctx, e.id);
    return entityDetail(ctx, (await findEntityByUscc(tx, uscc))!, tx);
  });
}

export async function removeProduct(ctx: Ctx, uscc: string, productId: number): Promise<EntityDetail> {
  return ctx.db.transaction(async (tx) => {
    const e = await loadEntityForWrite(ctx, uscc, tx);
    const p = await deleteProductRow(tx, e.id, productId);
    if (!p) throw new AppError('NOT_FOUND');
    await setLicensedProducts(tx, e.id);
    await appendAudit(tx, ctx, { action: 'entities.product.delete', targetType: 'entity_product', targetId: p.id, before: toProduct(p) });
    await ctx.domain.events.entityChanged(tx, ctx, e.id);
    return entityDetail(ctx, (await findEntityByUscc(tx, uscc))!, tx);
  });
}

export async function addLicence(ctx: Ctx, uscc: string, body: LicenceBody): Promise<EntityDetail> {
  return ctx.db.transaction(async (tx) => {
    const e = await loadEntityForWrite(ctx, uscc, tx);
    const l = await insertLicence(tx, { entityId: e.id, ...body });
    if (!l) throw new AppError('CODE_TAKEN', { details: { number: body.number } });
    await appendAudit(tx, ctx, { action: 'entities.licence.create', targetType: 'entity_licence', targetId: l.id, after: { entityId: e.id, ...body } });
    await ctx.domain.events.entityChanged(tx, ctx, e.id);
    return entityDetail(ctx, e, tx);
  });
}

export async function revokeLicence(ctx: Ctx, uscc: string, licenceId: number, on: string): Promise<EntityDetail> {
  if (on > todayInChina()) throw new AppError('VALIDATION_FAILED', { message: { zh: '注销日期不能晚于今天', en: 'The revocation date cannot be in the future' } });
  return ctx.db.transaction(async (tx) => {
    const e = await loadEntityForWrite(ctx, uscc, tx);
    const l = await revokeLicenceRow(tx, e.id, licenceId, on);
    if (!l) throw new AppError('NOT_FOUND');
    await appendAudit(tx, ctx, { action: 'entities.licence.revoke', targetType: 'entity_licence', targetId: l.id, after: { revokedOn: on } });
    await ctx.domain.events.entityChanged(tx, ctx, e.id);
    return entityDetail(ctx, e, tx);
  });
}

const PINYIN_BACKFILL_BATCH = 5_000;

/**
 * Compute the name pinyin of entities registered before it existed (migration 0010), in batches
 * of 5,000, each in its own transaction with an audit row naming the id range; run at start-up
 * (a no-op probe of an empty partial index once done). Returns how many rows it filled.
 */
export async function backfillNamePinyin(db: Database): Promise<number> {
  const ctx = systemSource();
  let afterId = 0;
  let filled = 0;
  for (;;) {
    const rows = await entitiesWithoutPinyin(db, afterId, PINYIN_BACKFILL_BATCH);
    if (rows.length === 0) return filled;
    const first = rows[0]!.id;
    afterId = rows[rows.length - 1]!.id;
    const values = rows.map((r) => ({ id: r.id, namePinyin: namePinyin([r.name, ...r.formerNames]) }));
    filled += await db.transaction(async (tx) => {
      const n = await setNamePinyin(tx, values);
      await appendAudit(tx, ctx, { action: 'entities.entity.pinyin', targetType: 'entity', targetId: `${first}-${afterId}`, after: { rows: n } });
      return n;
    });
  }
}

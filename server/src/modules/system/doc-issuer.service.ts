/**
 * Official-document issuers (公文发文机关) and 发文字号: who issues the 通报 and the credit report
 * (an administrator's setting, with coded defaults), and the numbers given to the documents they
 * issue — one sequence per 机关代字 and year, unique, stored with what each number is for.
 */
import { DOC_ISSUER_KEYS, type DocIssuer, type DocIssuerKey, type UpdateDocIssuerBody } from '../../../../contracts/system.js';
import type { Executor, Transaction } from '../../db/client.js';
import { appendAudit } from '../../platform/audit/audit.repository.js';
import { todayInChina } from '../../platform/calendar/today.js';
import type { Ctx } from '../../platform/context.js';
import { formatDocNumber } from '../../platform/docx/official-document.js';
import { countDocNumbers, findDocIssuerRow, findDocNumberByRef, insertDocNumber, lastDocSeq, putDocIssuer, takeDocSeq } from './doc-issuer.repository.js';
import { DEFAULT_DOC_ISSUERS, type DocIssuerSetting } from './doc-issuer.rules.js';

export type { DocIssuerSetting } from './doc-issuer.rules.js';

/** The issuer of `key` as it stands: the stored setting, else the default. */
export async function getDocIssuer(db: Executor, key: DocIssuerKey): Promise<DocIssuerSetting> {
  const row = await findDocIssuerRow(db, key);
  return row ? { name: row.name, mark: row.mark, prefix: row.prefix, printer: row.printer } : { ...DEFAULT_DOC_ISSUERS[key] };
}

async function toDto(db: Executor, key: DocIssuerKey, year: number): Promise<DocIssuer> {
  const row = await findDocIssuerRow(db, key);
  const s = row ?? DEFAULT_DOC_ISSUERS[key];
  const [last, issued] = await Promise.all([lastDocSeq(db, s.prefix, year), countDocNumbers(db, s.prefix, year)]);
  return {
    key,
    name: s.name,
    mark: s.mark,
    prefix: s.prefix,
    printer: s.printer,
    isDefault: row === null,
    nextNumber: formatDocNumber(s.prefix, year, last + 1),
    issuedThisYear: issued,
    updatedBy: row?.updatedBy ?? null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

/** Every kind of official document with its issuer and the next number it would give this year. */
export async function listDocIssuers(ctx: Ctx): Promise<{ items: DocIssuer[] }> {
  const year = Number(todayInChina().slice(0, 4));
  return { items: await Promise.all(DOC_ISSUER_KEYS.map((k) => toDto(ctx.db, k, year))) };
}

/**
 * Change who issues a kind of document. Documents already issued keep the issuer and number they
 * were issued with; a new 机关代字 starts its own sequence.
 */
export async function updateDocIssuer(ctx: Ctx, key: DocIssuerKey, body: UpdateDocIssuerBody): Promise<DocIssuer> {
  const before = await getDocIssuer(ctx.db, key);
  await ctx.db.transaction(async (tx) => {
    await putDocIssuer(tx, { key, ...body, updatedBy: ctx.actor.username });
    await appendAudit(tx, ctx, { action: 'system.docissuer.update', targetType: 'doc_issuer', targetId: key, before: { ...before }, after: { ...body } });
  });
  return toDto(ctx.db, key, Number(todayInChina().slice(0, 4)));
}

/** Seed `key`'s issuer unless one is stored (the demo city names its own office). */
export async function seedDocIssuer(tx: Transaction, key: DocIssuerKey, setting: DocIssuerSetting, by: string): Promise<boolean> {
  if (await findDocIssuerRow(tx, key)) return false;
  await putDocIssuer(tx, { key, ...setting, updatedBy: by });
  return true;
}

/**
 * The 发文字号 of a document, inside the caller's transaction (whose audit row should name it):
 * the next number of the issuer's 机关代字 in `year`, or the number this document (`kind` + `ref`)
 * already has. Two documents never share a number; a rolled-back issue gives its number back.
 */
export async function issueDocNumber(
  tx: Transaction,
  ctx: Ctx,
  doc: { prefix: string; year: number; kind: string; ref: string },
): Promise<{ docNumber: string; created: boolean }> {
  const existing = await findDocNumberByRef(tx, doc.kind, doc.ref);
  if (existing) return { docNumber: existing.docNumber, created: false };
  const seq = await takeDocSeq(tx, doc.prefix, doc.year);
  const row = await insertDocNumber(tx, {
    docNumber: formatDocNumber(doc.prefix, doc.year, seq),
    prefix: doc.prefix,
    year: doc.year,
    seq,
    kind: doc.kind,
    ref: doc.ref,
    issuedBy: ctx.actor.username,
  });
  return { docNumber: row.docNumber, created: true };
}

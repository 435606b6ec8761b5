/**
 * Hash chain of the audit trail. Pure: canonical JSON and SHA-256, no database.
 * hash(row) = SHA-256(prev_hash ‖ canonical JSON of the row's content), hex.
 */
import { createHash } from 'node:crypto';
import { msg } from '../../../../contracts/i18n.js';

export const GENESIS_HASH = '0'.repeat(64);

/** The hashed content of one audit row. `occurredAt` is an ISO string with milliseconds. */
export interface AuditContent {
  seq: number;
  occurredAt: string;
  actorId: number | null;
  actorUsername: string | null;
  actorRoles: string[];
  actorDeptId: number | null;
  actorDeptName: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
}

/** JSON with object keys sorted at every level, no whitespace: equal values give equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

/**
 * Make a before/after snapshot storable in jsonb and stable across the round trip: Dates become ISO
 * strings, undefined disappears, NUL characters (which jsonb rejects) are dropped.
 */
export function toSnapshot(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'string' ? v.replaceAll('\u0000', '') : v))) as unknown;
}

export function chainHash(prevHash: string, content: AuditContent): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(content)).digest('hex');
}

export interface ChainRow extends AuditContent {
  prevHash: string;
  hash: string;
}

/** `reason` is bilingual (contracts/i18n.ts `msg`): pick the reader's language when showing it. */
export type ChainCheck = { ok: true } | { ok: false; seq: number; reason: string };

/**
 * Check one row against the previous one (`prev` null for the first row). Detects an edited row
 * (its hash no longer matches its content), a removed row (a gap in seq, or prev_hash not the
 * previous row's hash) and a rewritten tail (caught by the head check in the verifier).
 */
export function checkChainRow(prev: { seq: number; hash: string } | null, row: ChainRow): ChainCheck {
  const expectedSeq = prev ? prev.seq + 1 : 1;
  if (row.seq !== expectedSeq) {
    return {
      ok: false,
      seq: expectedSeq,
      reason: msg(`第 ${expectedSeq} 行缺失（其后找到的是第 ${row.seq} 行）`, `row ${expectedSeq} is missing (next row found is ${row.seq})`),
    };
  }
  const expectedPrev = prev ? prev.hash : GENESIS_HASH;
  if (row.prevHash !== expectedPrev) {
    return {
      ok: false,
      seq: row.seq,
      reason: msg(`第 ${row.seq} 行与第 ${expectedSeq - 1} 行链接不上（前序哈希不符）`, `row ${row.seq} does not link to row ${expectedSeq - 1} (prev_hash differs)`),
    };
  }
  const { prevHash, hash, ...content } = row;
  if (chainHash(prevHash, content) !== hash) {
    return {
      ok: false,
      seq: row.seq,
      reason: msg(`第 ${row.seq} 行被篡改（内容与哈希不符）`, `row ${row.seq} was altered (its content does not match its hash)`),
    };
  }
  return { ok: true };
}

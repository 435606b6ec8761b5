import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pickLang } from '../../../../contracts/i18n.js';
import { canonicalJson, chainHash, checkChainRow, GENESIS_HASH, toSnapshot, type AuditContent, type ChainRow } from './audit.rules.js';

function content(seq: number, patch: Partial<AuditContent> = {}): AuditContent {
  return {
    seq,
    occurredAt: `2026-03-02T08:00:0${seq % 10}.123Z`,
    actorId: 1,
    actorUsername: 'admin',
    actorRoles: ['admin'],
    actorDeptId: 8,
    actorDeptName: '信息中心',
    action: 'system.user.update',
    targetType: 'user',
    targetId: String(100 + seq),
    before: { displayName: '张三', roles: [{ id: 3, key: 'lab' }] },
    after: { displayName: '李四', roles: [{ id: 3, key: 'lab' }] },
    requestId: `req-${seq}`,
    ip: '127.0.0.1',
    ...patch,
  };
}

/** A valid chain of `n` rows starting at seq 1. */
function chain(n: number): ChainRow[] {
  const rows: ChainRow[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const c = content(seq);
    const hash = chainHash(prev, c);
    rows.push({ ...c, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

describe('canonicalJson', () => {
  it('sorts keys at every level, so key order never changes the text', () => {
    const a = { b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } };
    const b = { a: { c: 'x', d: [3, { y: 2, z: 1 }] }, b: 1 };
    expect(canonicalJson(a)).toBe('{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson(b)).toBe(canonicalJson(a));
  });

  it('keeps array order (order is data)', () => {
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
  });

  it('writes no whitespace and escapes strings as JSON does', () => {
    expect(canonicalJson({ k: 'a "q" \\ 中文\n' })).toBe(`{"k":${JSON.stringify('a "q" \\ 中文\n')}}`);
  });

  it('drops undefined object members, writes undefined array items as null', () => {
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
    expect(canonicalJson([undefined, 1])).toBe('[null,1]');
    expect(canonicalJson(undefined)).toBe('null');
  });

  it('writes scalars as JSON', () => {
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson(true)).toBe('true');
    expect(canonicalJson(1.5)).toBe('1.5');
    expect(canonicalJson('s')).toBe('"s"');
  });
});

describe('toSnapshot', () => {
  it('turns dates into ISO strings, drops undefined members and NUL characters', () => {
    const snap = toSnapshot({ at: new Date('2026-01-02T03:04:05.678Z'), gone: undefined, name: 'a\u0000b', list: [1, 'x\u0000'] });
    expect(snap).toEqual({ at: '2026-01-02T03:04:05.678Z', name: 'ab', list: [1, 'x'] });
  });

  it('stores undefined as null', () => {
    expect(toSnapshot(undefined)).toBeNull();
  });

  it('is stable: a snapshot of a snapshot is the same canonical text', () => {
    const snap = toSnapshot({ b: [1, { d: new Date(0) }], a: 'x' });
    expect(canonicalJson(toSnapshot(snap))).toBe(canonicalJson(snap));
  });
});

describe('chainHash', () => {
  it('is SHA-256 of the previous hash followed by the canonical JSON of the content, in hex', () => {
    const c = content(1);
    const expected = createHash('sha256').update(GENESIS_HASH + canonicalJson(c)).digest('hex');
    expect(chainHash(GENESIS_HASH, c)).toBe(expected);
    expect(chainHash(GENESIS_HASH, c)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not depend on the key order of the content', () => {
    const c = content(1);
    const reversed = Object.fromEntries(Object.entries(c).reverse()) as unknown as AuditContent;
    expect(chainHash(GENESIS_HASH, reversed)).toBe(chainHash(GENESIS_HASH, c));
  });

  it('changes with the previous hash and with any field of the content', () => {
    const c = content(1);
    const base = chainHash(GENESIS_HASH, c);
    expect(chainHash('1'.repeat(64), c)).not.toBe(base);
    expect(chainHash(GENESIS_HASH, { ...c, after: { displayName: '王五', roles: [{ id: 3, key: 'lab' }] } })).not.toBe(base);
    expect(chainHash(GENESIS_HASH, { ...c, actorUsername: 'root' })).not.toBe(base);
    expect(chainHash(GENESIS_HASH, { ...c, occurredAt: '2026-03-02T08:00:01.124Z' })).not.toBe(base);
    expect(chainHash(GENESIS_HASH, { ...c, seq: 2 })).not.toBe(base);
  });
});

describe('checkChainRow', () => {
  it('accepts a valid chain row by row, starting from the genesis hash', () => {
    const rows = chain(4);
    expect(rows[0]!.prevHash).toBe(GENESIS_HASH);
    let prev: { seq: number; hash: string } | null = null;
    for (const row of rows) {
      expect(checkChainRow(prev, row)).toEqual({ ok: true });
      prev = { seq: row.seq, hash: row.hash };
    }
  });

  it('reports a missing first row', () => {
    const rows = chain(2);
    const r = checkChainRow(null, rows[1]!);
    expect(r).toMatchObject({ ok: false, seq: 1 });
    expect(pickLang((r as { reason: string }).reason, 'en')).toBe('row 1 is missing (next row found is 2)');
    expect(pickLang((r as { reason: string }).reason, 'zh')).toBe('第 1 行缺失（其后找到的是第 2 行）');
  });

  it('reports a removed middle row as the first missing seq', () => {
    const rows = chain(4);
    const r = checkChainRow({ seq: 1, hash: rows[0]!.hash }, rows[3]!);
    expect(r).toMatchObject({ ok: false, seq: 2 });
    expect(pickLang((r as { reason: string }).reason, 'en')).toBe('row 2 is missing (next row found is 4)');
  });

  it('reports a row whose prev_hash does not link to the previous row', () => {
    const rows = chain(3);
    const r = checkChainRow({ seq: 1, hash: 'f'.repeat(64) }, rows[1]!);
    expect(r).toMatchObject({ ok: false, seq: 2 });
    expect((r as { reason: string }).reason).toContain('does not link');
  });

  it('reports an edited row (content no longer matches its hash)', () => {
    const rows = chain(3);
    const edited = { ...rows[1]!, after: { displayName: '篡改', roles: [] } };
    const r = checkChainRow({ seq: 1, hash: rows[0]!.hash }, edited);
    expect(r).toMatchObject({ ok: false, seq: 2 });
    expect((r as { reason: string }).reason).toContain('altered');
  });

  it('reports a row whose hash was replaced', () => {
    const rows = chain(1);
    expect(checkChainRow(null, { ...rows[0]!, hash: '0'.repeat(64) })).toMatchObject({ ok: false, seq: 1 });
  });

  it('reports the next row when an edited row was re-hashed to hide the edit', () => {
    const rows = chain(3);
    const editedContent = { ...content(2), actorUsername: 'someone-else' };
    const rehashed: ChainRow = { ...editedContent, prevHash: rows[0]!.hash, hash: chainHash(rows[0]!.hash, editedContent) };
    expect(checkChainRow({ seq: 1, hash: rows[0]!.hash }, rehashed)).toEqual({ ok: true });
    const next = checkChainRow({ seq: 2, hash: rehashed.hash }, rows[2]!);
    expect(next).toMatchObject({ ok: false, seq: 3 });
    expect((next as { reason: string }).reason).toContain('does not link');
  });
});

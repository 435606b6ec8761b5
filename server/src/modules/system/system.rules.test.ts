import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_PERMISSIONS } from '../../../../contracts/permissions.js';
import {
  afterFailedLogin,
  ancestorsUnder,
  isAdminRoleKey,
  isSelfOrDescendant,
  lockedAt,
  LOCKOUT_MINUTES,
  LOCKOUT_THRESHOLD,
  maskPhone,
  normalizeUsername,
  ungrantable,
  unknownPermissions,
} from './system.rules.js';

describe('maskPhone', () => {
  it('keeps null and empty as they are', () => {
    expect(maskPhone(null)).toBeNull();
    expect(maskPhone('')).toBe('');
  });

  it('masks the middle four digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('19900001111')).toBe('199****1111');
  });

  it('masks a landline but keeps the area code and the last four digits', () => {
    expect(maskPhone('022-23456789')).toBe('022-****6789');
    expect(maskPhone('02223456789')).toBe('022****6789');
    expect(maskPhone('010-1234567-123')).toBe('010-123****-123');
  });

  it('masks very short values completely', () => {
    expect(maskPhone('1')).toBe('*');
    expect(maskPhone('1234')).toBe('****');
    expect(maskPhone('12345')).toBe('****2345');
  });

  it('never returns a mobile number whole, and keeps its length', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (phone) => {
        const masked = maskPhone(phone)!;
        expect(masked).not.toBe(phone);
        expect(masked).toHaveLength(11);
        expect(masked.slice(3, 7)).toBe('****');
        expect(masked.slice(0, 3) + masked.slice(7)).toBe(phone.slice(0, 3) + phone.slice(7));
      }),
    );
  });
});

describe('ancestorsUnder', () => {
  it('is "0" for a top-level department', () => {
    expect(ancestorsUnder(null)).toBe('0');
  });

  it('appends the parent id to the parent path', () => {
    expect(ancestorsUnder({ id: 1, ancestors: '0' })).toBe('0,1');
    expect(ancestorsUnder({ id: 57, ancestors: '0,1,5' })).toBe('0,1,5,57');
  });
});

describe('isSelfOrDescendant', () => {
  it('is true for the department itself', () => {
    expect(isSelfOrDescendant(5, { id: 5, ancestors: '0,1' })).toBe(true);
  });

  it('is true for a child and for a deeper descendant', () => {
    expect(isSelfOrDescendant(5, { id: 9, ancestors: '0,1,5' })).toBe(true);
    expect(isSelfOrDescendant(1, { id: 9, ancestors: '0,1,5' })).toBe(true);
  });

  it('compares whole ids, not digits (15 is not under 5, 51 is not under 1)', () => {
    expect(isSelfOrDescendant(5, { id: 16, ancestors: '0,1,15' })).toBe(false);
    expect(isSelfOrDescendant(1, { id: 52, ancestors: '0,51' })).toBe(false);
    expect(isSelfOrDescendant(51, { id: 52, ancestors: '0,5,1' })).toBe(false);
  });

  it('is false for a sibling or an ancestor', () => {
    expect(isSelfOrDescendant(9, { id: 10, ancestors: '0,1,5' })).toBe(false);
    expect(isSelfOrDescendant(9, { id: 5, ancestors: '0,1' })).toBe(false);
  });
});

describe('ungrantable', () => {
  it('lets the system actor (*) grant anything', () => {
    expect(ungrantable(new Set(['*']), ['system:user:delete', 'whatever'])).toEqual([]);
  });

  it('returns exactly the permissions the actor lacks, in the order asked', () => {
    const actor = new Set(['system:user:list', 'system:user:create']);
    expect(ungrantable(actor, ['system:role:update', 'system:user:list', 'monitor:audit:list'])).toEqual(['system:role:update', 'monitor:audit:list']);
    expect(ungrantable(actor, ['system:user:create'])).toEqual([]);
    expect(ungrantable(actor, [])).toEqual([]);
  });

  it('refuses everything to an actor holding nothing', () => {
    expect(ungrantable(new Set(), ['system:calendar:list'])).toEqual(['system:calendar:list']);
  });
});

describe('unknownPermissions', () => {
  it('accepts the whole catalogue and reports anything else', () => {
    expect(unknownPermissions([...ALL_PERMISSIONS])).toEqual([]);
    expect(unknownPermissions(['system:user:list', 'system:user:drop', '*', ''])).toEqual(['system:user:drop', '*', '']);
  });
});

describe('usernames and admin role', () => {
  it('normalises usernames to trimmed lower case', () => {
    expect(normalizeUsername('  Zhang.San-01 ')).toBe('zhang.san-01');
  });

  it('recognises only the admin key as the administrator role', () => {
    expect(isAdminRoleKey('admin')).toBe(true);
    expect(isAdminRoleKey('Admin')).toBe(false);
    expect(isAdminRoleKey('quality_office')).toBe(false);
  });
});

describe('lockout', () => {
  const now = new Date('2026-03-02T08:00:00.000Z');

  it('counts failures below the threshold without locking', () => {
    const first = afterFailedLogin(0, now);
    expect(first).toEqual({ failedCount: 1, lockedUntil: null, outcome: { kind: 'failed', failedCount: 1, remaining: 4 } });
    const fourth = afterFailedLogin(3, now);
    expect(fourth).toEqual({ failedCount: 4, lockedUntil: null, outcome: { kind: 'failed', failedCount: 4, remaining: 1 } });
  });

  it('locks for 15 minutes on the fifth consecutive failure and restarts the counter', () => {
    const fifth = afterFailedLogin(LOCKOUT_THRESHOLD - 1, now);
    const unlockAt = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000);
    expect(LOCKOUT_THRESHOLD).toBe(5);
    expect(LOCKOUT_MINUTES).toBe(15);
    expect(fifth).toEqual({ failedCount: 0, lockedUntil: unlockAt, outcome: { kind: 'now-locked', unlockAt } });
  });

  it('locks too when the stored counter is somehow above the threshold', () => {
    expect(afterFailedLogin(9, now).outcome.kind).toBe('now-locked');
  });

  it('treats a lock as active only while it lies in the future', () => {
    expect(lockedAt(null, now)).toBeNull();
    expect(lockedAt(new Date(now.getTime() - 1), now)).toBeNull();
    expect(lockedAt(new Date(now.getTime()), now)).toBeNull();
    const later = new Date(now.getTime() + 1);
    expect(lockedAt(later, now)).toBe(later);
  });
});

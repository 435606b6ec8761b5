import { describe, expect, it } from 'vitest';
import {
  districtInScope,
  districtPrefix,
  FULL_SCOPE,
  jurisdictionInScope,
  recordInScope,
  resolveDataScope,
  scopePredicate,
  type DataScope,
  type ScopeUserInput,
} from './data-scope.js';

const user: ScopeUserInput = { id: 42, deptId: 7, districtCode: '120101', enterpriseUscc: '91120116MA05JQ7W8X' };
const EMPTY: DataScope = { all: false, kinds: [], deptIds: [], districtPrefixes: [], jurisdictionPrefixes: [], selfUserId: null, enterpriseUscc: null };

describe('districtPrefix', () => {
  it('drops the trailing 00 pairs of a province or prefecture code', () => {
    expect(districtPrefix('120000')).toBe('12');
    expect(districtPrefix('370100')).toBe('3701');
  });

  it('keeps a county code whole, including codes that merely end in 0', () => {
    expect(districtPrefix('120101')).toBe('120101');
    expect(districtPrefix('120110')).toBe('120110');
  });

  it('drops trailing 000 groups of township codes, never below the county code', () => {
    expect(districtPrefix('120101001')).toBe('120101001');
    expect(districtPrefix('120101000')).toBe('120101');
    expect(districtPrefix('120101001000')).toBe('120101001');
    expect(districtPrefix('120101000000')).toBe('120101');
    expect(districtPrefix('120101001002')).toBe('120101001002');
  });
});

describe('resolveDataScope', () => {
  it('grants nothing without roles', () => {
    expect(resolveDataScope([], user, [])).toEqual(EMPTY);
  });

  it('is the full scope as soon as one role sees everything', () => {
    const scope = resolveDataScope(
      [
        { dataScope: 'dept', customDeptIds: [] },
        { dataScope: 'all', customDeptIds: [] },
      ],
      user,
      [],
    );
    expect(scope.all).toBe(true);
    expect(scope.kinds).toEqual(['dept', 'all']);
  });

  it('resolves each kind to concrete values', () => {
    expect(resolveDataScope([{ dataScope: 'dept', customDeptIds: [] }], user, [])).toEqual({ ...EMPTY, kinds: ['dept'], deptIds: [7] });
    expect(resolveDataScope([{ dataScope: 'dept_and_below', customDeptIds: [] }], user, [9, 7, 8])).toEqual({
      ...EMPTY,
      kinds: ['dept_and_below'],
      deptIds: [7, 8, 9],
    });
    expect(resolveDataScope([{ dataScope: 'custom', customDeptIds: [30, 3] }], user, [])).toEqual({ ...EMPTY, kinds: ['custom'], deptIds: [3, 30] });
    expect(resolveDataScope([{ dataScope: 'district', customDeptIds: [] }], { ...user, districtCode: '120100' }, [])).toEqual({
      ...EMPTY,
      kinds: ['district'],
      districtPrefixes: ['1201'],
      jurisdictionPrefixes: ['1201'],
    });
    expect(resolveDataScope([{ dataScope: 'self', customDeptIds: [] }], user, [])).toEqual({ ...EMPTY, kinds: ['self'], selfUserId: 42 });
    expect(resolveDataScope([{ dataScope: 'enterprise', customDeptIds: [] }], user, [])).toEqual({
      ...EMPTY,
      kinds: ['enterprise'],
      enterpriseUscc: '91120116MA05JQ7W8X',
    });
  });

  it('takes the union of several roles, without duplicates', () => {
    const scope = resolveDataScope(
      [
        { dataScope: 'custom', customDeptIds: [7, 11] },
        { dataScope: 'dept', customDeptIds: [] },
        { dataScope: 'district', customDeptIds: [] },
        { dataScope: 'self', customDeptIds: [] },
        { dataScope: 'dept', customDeptIds: [] },
      ],
      user,
      [],
    );
    expect(scope).toEqual({
      all: false,
      kinds: ['custom', 'dept', 'district', 'self'],
      deptIds: [7, 11],
      districtPrefixes: ['120101'],
      jurisdictionPrefixes: ['120101'],
      selfUserId: 42,
      enterpriseUscc: null,
    });
  });

  it('grants nothing through a kind the user lacks the attribute for', () => {
    const bare: ScopeUserInput = { id: 1, deptId: null, districtCode: null, enterpriseUscc: null };
    const scope = resolveDataScope(
      [
        { dataScope: 'dept', customDeptIds: [] },
        { dataScope: 'district', customDeptIds: [] },
        { dataScope: 'enterprise', customDeptIds: [] },
      ],
      bare,
      [],
    );
    expect(scope).toEqual({ ...EMPTY, kinds: ['dept', 'district', 'enterprise'] });
    expect(recordInScope(scope, { deptId: null, districtCode: null, ownerUserId: null, enterpriseUscc: null })).toBe(false);
  });

  it('ignores custom departments of a role whose scope is not custom', () => {
    expect(resolveDataScope([{ dataScope: 'self', customDeptIds: [5] }], user, []).deptIds).toEqual([]);
  });
});

describe('territory of a scope (jurisdictionPrefixes)', () => {
  // 7: 和平区市场监管局 (120101); 8: a unit below it with no district of its own (the caller
  // already gave it its parent's); 3: 市工信局 (city, 120000); 30: a department with no district.
  const districts = new Map<number, string | null>([
    [7, '120101'],
    [8, '120101'],
    [3, '120000'],
    [30, null],
  ]);

  it('covers the district of a district bureau for a department scope (an inspector sees their district)', () => {
    const scope = resolveDataScope([{ dataScope: 'dept', customDeptIds: [] }], user, [], districts);
    expect(scope).toEqual({ ...EMPTY, kinds: ['dept'], deptIds: [7], jurisdictionPrefixes: ['120101'] });
    expect(jurisdictionInScope(scope, '120101')).toBe(true);
    expect(jurisdictionInScope(scope, '120104')).toBe(false);
  });

  it('covers the whole city for a city bureau, and a city prefix absorbs the districts it contains', () => {
    const scope = resolveDataScope([{ dataScope: 'custom', customDeptIds: [7, 3] }], user, [], districts);
    expect(scope.jurisdictionPrefixes).toEqual(['12']);
    expect(jurisdictionInScope(scope, '120116')).toBe(true);
    expect(jurisdictionInScope(scope, '130101')).toBe(false);
  });

  it('takes the departments below for dept_and_below, and a department without a district adds nothing', () => {
    expect(resolveDataScope([{ dataScope: 'dept_and_below', customDeptIds: [] }], user, [7, 8], districts).jurisdictionPrefixes).toEqual(['120101']);
    expect(resolveDataScope([{ dataScope: 'custom', customDeptIds: [30] }], user, [], districts).jurisdictionPrefixes).toEqual([]);
    // Not loaded at all: nothing, the safe default.
    expect(resolveDataScope([{ dataScope: 'dept', customDeptIds: [] }], user, []).jurisdictionPrefixes).toEqual([]);
  });

  it('is the district scope itself for a district user, and nothing for self or enterprise scopes', () => {
    expect(resolveDataScope([{ dataScope: 'district', customDeptIds: [] }], user, [], districts).jurisdictionPrefixes).toEqual(['120101']);
    expect(resolveDataScope([{ dataScope: 'self', customDeptIds: [] }], user, [], districts).jurisdictionPrefixes).toEqual([]);
    expect(resolveDataScope([{ dataScope: 'enterprise', customDeptIds: [] }], user, [], districts).jurisdictionPrefixes).toEqual([]);
  });

  it('does not widen the organisational dimensions: a department scope still sees only its department\'s users and tasks', () => {
    const scope = resolveDataScope([{ dataScope: 'dept', customDeptIds: [] }], user, [], districts);
    expect(recordInScope(scope, { deptId: 9, districtCode: '120101' })).toBe(false);
    expect(recordInScope(scope, { jurisdictionCode: '120101' })).toBe(true);
    expect(recordInScope(scope, { jurisdictionCode: '120102' })).toBe(false);
  });
});

describe('recordInScope', () => {
  const scope: DataScope = { ...EMPTY, kinds: ['dept', 'district'], deptIds: [5], districtPrefixes: ['1201'] };

  it('lets the full scope see everything, even records with no attributes', () => {
    expect(recordInScope(FULL_SCOPE, {})).toBe(true);
  });

  it('accepts a record matching any one dimension (union)', () => {
    expect(recordInScope(scope, { deptId: 5, districtCode: '130101' })).toBe(true);
    expect(recordInScope(scope, { deptId: 9, districtCode: '120101' })).toBe(true);
  });

  it('refuses a record matching no dimension', () => {
    expect(recordInScope(scope, { deptId: 9, districtCode: '120201' })).toBe(false);
    expect(recordInScope(scope, { deptId: null, districtCode: null })).toBe(false);
    expect(recordInScope(scope, {})).toBe(false);
  });

  it('matches district codes by prefix', () => {
    const city: DataScope = { ...EMPTY, districtPrefixes: ['12'] };
    expect(recordInScope(city, { districtCode: '120116' })).toBe(true);
    expect(recordInScope(city, { districtCode: '130116' })).toBe(false);
    expect(recordInScope({ ...EMPTY, districtPrefixes: ['120101'] }, { districtCode: '120101003' })).toBe(true);
    expect(recordInScope({ ...EMPTY, districtPrefixes: ['120101'] }, { districtCode: '120102' })).toBe(false);
  });

  it('matches the owner and the enterprise only on equal, non-null values', () => {
    const self: DataScope = { ...EMPTY, selfUserId: 42 };
    expect(recordInScope(self, { ownerUserId: 42 })).toBe(true);
    expect(recordInScope(self, { ownerUserId: 43 })).toBe(false);
    expect(recordInScope(EMPTY, { ownerUserId: null })).toBe(false);
    const ent: DataScope = { ...EMPTY, enterpriseUscc: '91120116MA05JQ7W8X' };
    expect(recordInScope(ent, { enterpriseUscc: '91120116MA05JQ7W8X' })).toBe(true);
    expect(recordInScope(ent, { enterpriseUscc: '91120116MA05JQ7W9X' })).toBe(false);
    expect(recordInScope(EMPTY, { enterpriseUscc: null })).toBe(false);
  });

  it('agrees with districtInScope', () => {
    expect(districtInScope(FULL_SCOPE, null)).toBe(true);
    expect(districtInScope(scope, '120105')).toBe(true);
    expect(districtInScope(scope, '120205')).toBe(false);
    expect(districtInScope(scope, null)).toBe(false);
  });
});

describe('scopePredicate', () => {
  it('adds no condition for the full scope and a condition otherwise', () => {
    expect(scopePredicate(FULL_SCOPE, {})).toBeUndefined();
    // A scope that grants nothing must still restrict the query (to nothing), never drop the filter.
    expect(scopePredicate(EMPTY, {})).toBeDefined();
    expect(scopePredicate({ ...EMPTY, deptIds: [1] }, {})).toBeDefined();
  });
});

import { describe, expect, it } from 'vitest';
import { findItem, isResolved, unmappedNames, walkItems } from './plan-draft.js';
import type { DraftItem } from './plans.js';

// unitNamesOf and the common case of unmappedNames are covered by the server's plans.rules.test.ts.
const node = (path: string, children: DraftItem[] = [], lead: string[] = []): DraftItem =>
  ({ path, level: path.split('/').length, number: path, heading: null, text: path, lead, support: [], joint: [], dueDate: null, children }) as DraftItem;
const items = [node('一', [node('一/(一)', [node('一/(一)/1')]), node('一/(二)', [], ['市商务局'])]), node('二', [], ['市科委'])];

describe('walkItems and findItem', () => {
  it('visit the tree depth first in document order', () => {
    expect([...walkItems(items)].map((i) => i.path)).toEqual(['一', '一/(一)', '一/(一)/1', '一/(二)', '二']);
    expect(findItem(items, '一/(一)/1')?.level).toBe(3);
    expect(findItem(items, '三')).toBeUndefined();
  });
});

describe('unit checks', () => {
  it('settle a name by departments or by ignoring it, not by an empty mapping', () => {
    const cases: [Parameters<typeof isResolved>[0], boolean][] = [
      [undefined, false],
      [{ name: 'a', deptIds: [], ignored: false }, false],
      [{ name: 'a', deptIds: [3], ignored: false }, true],
      [{ name: 'a', deptIds: [], ignored: true }, true],
    ];
    for (const [mapping, settled] of cases) expect(isResolved(mapping)).toBe(settled);
  });

  it('count a name as settled when any of its mappings settles it (a draft the server would refuse to save)', () => {
    const twice = [{ name: '市商务局', deptIds: [], ignored: false }, { name: '市商务局', deptIds: [4], ignored: false }];
    expect(unmappedNames({ items, unitMappings: twice })).toEqual(['市科委']);
  });
});

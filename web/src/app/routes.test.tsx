import { describe, expect, it } from 'vitest';
import { ALL_PERMISSIONS } from '@contracts/permissions';
import { ALL_ROUTES, MENU, menuKeyOf, visibleMenu, type MenuViewer } from './routes';

const viewer = (permissions: readonly string[], enterprise = false): MenuViewer => {
  const held = new Set(permissions);
  return { can: (p) => held.has(p), enterprise };
};
const paths = (v: MenuViewer) => visibleMenu(MENU, v).flatMap((g) => g.children.map((r) => r.path));

describe('visibleMenu', () => {
  it('shows nothing to a user without permissions (empty groups are dropped)', () => {
    expect(visibleMenu(MENU, viewer([]))).toEqual([]);
  });

  it('shows only the pages whose permission the user holds', () => {
    expect(paths(viewer(['plans:plan:list']))).toEqual(['/plans']);
    expect(visibleMenu(MENU, viewer(['plans:plan:list'])).map((g) => g.key)).toEqual(['quality']);
    const both = paths(viewer(['plans:plan:list', 'plans:task:list']));
    expect(both).toContain('/tasks');
    expect(both).toContain('/dashboard');
    expect(both).not.toContain('/assessment/schemes');
  });

  it('keeps the registry from enterprise accounts and their own page from officers', () => {
    const perms = ['entities:entity:list', 'entities:record:declare'];
    expect(paths(viewer(perms, false))).toContain('/entities');
    expect(paths(viewer(perms, false))).not.toContain('/my-enterprise');
    expect(paths(viewer(perms, true))).toContain('/my-enterprise');
    expect(paths(viewer(perms, true))).not.toContain('/entities');
  });

  it('shows every menu page to a viewer holding every permission, in menu order', () => {
    const all = paths(viewer(ALL_PERMISSIONS));
    const staffPages = MENU.flatMap((g) => g.children).filter((r) => !r.enterpriseOnly);
    expect(all).toEqual(staffPages.map((r) => r.path));
  });
});

describe('routes', () => {
  it('name only permissions the server knows (a typo would hide a page from everyone)', () => {
    const known = new Set<string>(ALL_PERMISSIONS);
    const unknown = ALL_ROUTES.filter((r) => r.access !== undefined && !known.has(r.access)).map((r) => `${r.path} ${r.access}`);
    expect(unknown).toEqual([]);
  });

  it('have unique paths', () => {
    const all = ALL_ROUTES.map((r) => r.path);
    expect(new Set(all).size).toBe(all.length);
  });

  it('highlight the list a detail page belongs to', () => {
    expect(menuKeyOf('/plans/12')).toBe('/plans');
    expect(menuKeyOf('/plans')).toBe('/plans');
    expect(menuKeyOf('/tasks')).toBe('/tasks');
  });
});

/**
 * Walks over a plan draft's item tree and the unit checks both sides make on it: the server before
 * it saves or publishes a draft, the web while the office reviews one. One implementation, so that
 * the page's "n names still unmapped" is exactly what publishing refuses. Pure: no I/O, no clock.
 */
import type { DraftItem, PlanDraft, UnitMapping } from './plans.js';

/** Each item with its descendants, depth first, in document order. */
export function* walkItems<T extends { children: T[] }>(items: readonly T[]): Generator<T> {
  for (const item of items) {
    yield item;
    yield* walkItems(item.children);
  }
}

/** The item at `path` anywhere in the tree. */
export function findItem<T extends { path: string; children: T[] }>(items: readonly T[], path: string): T | undefined {
  for (const item of walkItems(items)) if (item.path === path) return item;
  return undefined;
}

/** The printed unit names of a set of items with the number of items naming each, in first-seen order. */
export function unitNamesOf(items: readonly DraftItem[]): Map<string, number> {
  const names = new Map<string, number>();
  for (const item of walkItems(items)) {
    for (const name of new Set([...item.lead, ...item.support, ...item.joint])) names.set(name, (names.get(name) ?? 0) + 1);
  }
  return names;
}

/** A mapping settles a name when it names departments or says to ignore the name. */
export function isResolved(m: UnitMapping | undefined): boolean {
  return !!m && (m.ignored || m.deptIds.length > 0);
}

/** Printed names the items use that no mapping settles (neither mapped to departments nor ignored): publishing refuses them. */
export function unmappedNames(draft: Pick<PlanDraft, 'items' | 'unitMappings'>): string[] {
  const resolved = new Set(draft.unitMappings.filter(isResolved).map((m) => m.name));
  return [...unitNamesOf(draft.items).keys()].filter((n) => !resolved.has(n));
}

/**
 * Edits of a plan draft under review, as pure functions: change an item, split an item in two,
 * merge it with the next one, set a unit's mapping. The walks and unit checks the server makes too
 * (walkItems, findItem, unitNamesOf, isResolved, unmappedNames) live in contracts/plan-draft, so
 * the page counts exactly what publishing refuses. Nothing here talks to the server.
 */
import { findItem, walkItems } from '@contracts/plan-draft';
import type { DraftItem, PlanDraft, UnitMapping, UnitRole } from '@contracts/plans';

export type ItemPatch = Partial<Omit<DraftItem, 'path' | 'level' | 'children'>>;

/** The list holding `path` and its index there (top level or some item's children). */
function locate(items: DraftItem[], path: string): { list: DraftItem[]; index: number } | null {
  const index = items.findIndex((i) => i.path === path);
  if (index >= 0) return { list: items, index };
  for (const item of items) {
    const found = locate(item.children, path);
    if (found) return found;
  }
  return null;
}

/** A copy of the tree with `change` applied to the list that holds `path`. */
function editSiblings(items: readonly DraftItem[], path: string, change: (list: DraftItem[], index: number) => DraftItem[]): DraftItem[] {
  const index = items.findIndex((i) => i.path === path);
  if (index >= 0) return change([...items], index);
  return items.map((item) => {
    const children = editSiblings(item.children, path, change);
    return children === item.children ? item : { ...item, children };
  });
}

export function updateItem(items: readonly DraftItem[], path: string, patch: ItemPatch): DraftItem[] {
  return editSiblings(items, path, (list, i) => {
    list[i] = { ...list[i]!, ...patch };
    return list;
  }) as DraftItem[];
}

/** `base`-2, -3 … whichever is not taken yet. */
export function uniquePath(taken: ReadonlySet<string>, base: string): { path: string; suffix: string } {
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    if (!taken.has(`${base}${suffix}`)) return { path: `${base}${suffix}`, suffix };
  }
}

/** Where a text may be split: after each sentence (。；！？ and their ASCII forms), not at the very end. */
export function sentenceBreaks(text: string): number[] {
  const breaks: number[] = [];
  const re = /[。；！？;!?]+[”’」』）)]*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const at = m.index + m[0].length;
    if (at > 0 && at < text.trimEnd().length) breaks.push(at);
  }
  return breaks;
}

/**
 * Split an item's text at `at` into two siblings: the item keeps the first part (and its
 * children); a new item right after it takes the rest, with the same units and due date, and path
 * `path-2` (or -3 … if taken). Targets and deadlines quoted from the second part move with it.
 */
export function splitItem(draft: PlanDraft, path: string, at: number): { draft: PlanDraft; newPath: string } | null {
  const item = findItem(draft.items, path);
  if (!item) return null;
  const first = item.text.slice(0, at).trimEnd();
  const rest = item.text.slice(at).trimStart();
  if (!first || !rest) return null;
  const { path: newPath, suffix } = uniquePath(new Set([...walkItems(draft.items)].map((i) => i.path)), path);
  const sibling: DraftItem = {
    ...item,
    path: newPath,
    number: `${item.number}${suffix}`.slice(0, 20),
    heading: null,
    text: rest,
    lead: [...item.lead],
    support: [...item.support],
    joint: [...item.joint],
    children: [],
  };
  const items = editSiblings(draft.items, path, (list, i) => {
    list.splice(i, 1, { ...item, text: first }, sibling);
    return list;
  });
  const moves = (p: string | null, sentence: string) => p === path && !first.includes(sentence) && rest.includes(sentence);
  return {
    newPath,
    draft: {
      ...draft,
      items,
      targets: draft.targets.map((t) => (moves(t.path, t.sentence) ? { ...t, path: newPath } : t)),
      deadlines: draft.deadlines.map((d) => (moves(d.path, d.sentence) ? { ...d, path: newPath } : d)),
    },
  };
}

/** The sibling after `path`, if any. */
export function nextSibling(items: readonly DraftItem[], path: string): DraftItem | undefined {
  const at = locate(items as DraftItem[], path);
  return at ? at.list[at.index + 1] : undefined;
}

const ENDS_SENTENCE = /[。；！？.;!?”’」』）)]$/;

function union(...lists: readonly (readonly string[])[]): string[] {
  return [...new Set(lists.flat())];
}

/**
 * Merge an item with its next sibling: texts joined, units unioned (a unit leading either one
 * leads the merged item), children concatenated; the next item's targets and deadlines move over.
 */
export function mergeWithNext(draft: PlanDraft, path: string): { draft: PlanDraft; removedPath: string } | null {
  const item = findItem(draft.items, path);
  const next = nextSibling(draft.items, path);
  if (!item || !next) return null;
  const glue = item.text && !ENDS_SENTENCE.test(item.text.trimEnd()) ? '。' : '';
  const lead = union(item.lead, next.lead);
  const support = union(item.support, next.support).filter((n) => !lead.includes(n));
  const joint = union(item.joint, next.joint).filter((n) => !lead.includes(n) && !support.includes(n));
  const merged: DraftItem = {
    ...item,
    heading: item.heading ?? next.heading,
    text: `${item.text.trimEnd()}${glue}${next.text.trimStart()}`,
    lead,
    support,
    joint,
    dueDate: item.dueDate ?? next.dueDate,
    children: [...item.children, ...next.children],
  };
  const items = editSiblings(draft.items, path, (list, i) => {
    list.splice(i, 2, merged);
    return list;
  });
  return {
    removedPath: next.path,
    draft: {
      ...draft,
      items,
      targets: draft.targets.map((t) => (t.path === next.path ? { ...t, path } : t)),
      deadlines: draft.deadlines.map((d) => (d.path === next.path ? { ...d, path } : d)),
    },
  };
}

/** Set (or add) the mapping of one printed name. */
export function setMapping(mappings: readonly UnitMapping[], name: string, patch: Partial<Omit<UnitMapping, 'name'>>): UnitMapping[] {
  const at = mappings.findIndex((m) => m.name === name);
  if (at < 0) return [...mappings, { name, deptIds: [], ignored: false, ...patch }];
  return mappings.map((m, i) => (i === at ? { ...m, ...patch } : m));
}

/** An item's units with their role, lead first (for the chips in the tree). */
export function unitsWithRole(item: Pick<DraftItem, 'lead' | 'support' | 'joint'>): { name: string; role: UnitRole }[] {
  return [...item.lead.map((name) => ({ name, role: 'lead' as const })), ...item.support.map((name) => ({ name, role: 'support' as const })), ...item.joint.map((name) => ({ name, role: 'joint' as const }))];
}

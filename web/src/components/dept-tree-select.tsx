/**
 * Departments as a tree. GET /api/system/departments returns a flat list (with parentId); the
 * users page and the departments page both show it as a tree and pick departments from it.
 */
import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import type { Department } from '@contracts/system';
import { useDict } from '@/lib/dicts';

export type DeptNode = Department & { children?: DeptNode[] };

/**
 * Flat departments → tree, keeping the server's order (sort, id). A department whose parent is not
 * in the list (outside the caller's data scope, or filtered out) becomes a root.
 * `excludeId` drops that department and everything under it (a department cannot move under itself).
 */
export function toDeptTree(items: readonly Department[], excludeId?: number): DeptNode[] {
  const kept = excludeId === undefined ? items : items.filter((d) => d.id !== excludeId && !isBelow(d, excludeId));
  const byId = new Map<number, DeptNode>(kept.map((d) => [d.id, { ...d }]));
  const roots: DeptNode[] = [];
  for (const d of byId.values()) {
    const parent = d.parentId !== null ? byId.get(d.parentId) : undefined;
    if (parent) (parent.children ??= []).push(d);
    else roots.push(d);
  }
  return roots;
}

/** Whether `d` lies below the department `ancestorId` (from its `ancestors` path "0,1,3"). */
export function isBelow(d: Department, ancestorId: number): boolean {
  return d.ancestors.split(',').includes(String(ancestorId));
}

/** The text a department is found by: its name, short name and the other names documents use. */
export function deptSearchText(d: Department): string {
  return [d.name, d.shortName ?? '', ...d.aliases].join(' ');
}

interface SelectNode {
  value: number;
  title: string;
  search: string;
  children?: SelectNode[];
}

/** A department picker (searchable by name, short name and aliases). */
export function DeptTreeSelect({
  departments,
  excludeId,
  value,
  onChange,
  placeholder,
  allowClear = true,
  id,
}: {
  departments: readonly Department[];
  /** Leave out this department and its descendants. */
  excludeId?: number;
  value?: number | null;
  onChange?: (value: number | null) => void;
  placeholder?: string;
  allowClear?: boolean;
  id?: string;
}) {
  const statuses = useDict('sys_status');
  const disabledLabel = statuses.label('disabled');
  const treeData = useMemo(() => {
    const toNode = (d: DeptNode): SelectNode => ({
      value: d.id,
      title: d.status === 'disabled' ? `${d.name}（${disabledLabel}）` : d.name,
      search: deptSearchText(d),
      children: d.children?.map(toNode),
    });
    return toDeptTree(departments, excludeId).map(toNode);
  }, [departments, excludeId, disabledLabel]);

  return (
    <TreeSelect<number | null>
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      treeData={treeData}
      placeholder={placeholder}
      allowClear={allowClear}
      showSearch={{ treeNodeFilterProp: 'search' }}
      treeDefaultExpandAll
      listHeight={400}
      style={{ width: '100%' }}
    />
  );
}

import { Empty, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useEffect, useMemo, useRef, useState, type Key } from 'react';
import { walkItems } from '@contracts/plan-draft';
import type { DraftItem } from '@contracts/plans';
import { useDict } from '@/lib/dicts';
import { useT } from '@/lib/i18n';
import { unitsWithRole } from './draft-ops';
import { displayNumber, itemSummary } from './display';
import { planStrings } from './i18n';

const MAX_CHIPS = 4;

/** An item's units as small tags coloured by role (牵头 blue, 配合 grey, 按职责分工 cyan), at most four and "+N". */
export function UnitChips({ item }: { item: Pick<DraftItem, 'lead' | 'support' | 'joint'> }) {
  const roles = useDict('plan_unit_role');
  const units = unitsWithRole(item);
  if (units.length === 0) return null;
  const shown = units.slice(0, MAX_CHIPS);
  const more = units.slice(MAX_CHIPS);
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4, marginTop: 2 }}>
      {shown.map((u) => (
        <Tag key={`${u.role}-${u.name}`} color={roles.color(u.role)} title={`${roles.label(u.role)}：${u.name}`} style={{ marginInlineEnd: 0, fontSize: 12, lineHeight: '18px' }}>
          {u.name}
        </Tag>
      ))}
      {more.length > 0 ? (
        <Tag title={more.map((u) => `${roles.label(u.role)}：${u.name}`).join('\n')} style={{ marginInlineEnd: 0, fontSize: 12, lineHeight: '18px' }}>
          +{more.length}
        </Tag>
      ) : null}
    </div>
  );
}

function NodeTitle({ item }: { item: DraftItem }) {
  return (
    <div style={{ padding: '2px 0' }} data-testid={`item-node-${item.path}`}>
      <div style={{ display: 'flex', gap: 6, alignItems: 'baseline' }}>
        <Typography.Text strong style={{ flex: 'none' }}>
          {displayNumber(item.number)}
        </Typography.Text>
        <span style={{ wordBreak: 'break-all' }}>{itemSummary(item)}</span>
      </div>
      <UnitChips item={item} />
    </div>
  );
}

/** The parsed items as a tree: number, heading (or the opening words) and the units' chips. */
export function ItemTree({
  items,
  selectedPath,
  onSelect,
  height,
}: {
  items: readonly DraftItem[];
  selectedPath: string | null;
  onSelect(path: string): void;
  height: number;
}) {
  const t = useT(planStrings);
  const boxRef = useRef<HTMLDivElement>(null);
  // Everything open at first; the user may fold parts. Items created later (a split) show open.
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const treeData = useMemo(() => {
    const toNode = (item: DraftItem): DataNode => ({ key: item.path, title: <NodeTitle item={item} />, children: item.children.map(toNode) });
    return items.map(toNode);
  }, [items]);
  const expandedKeys = useMemo(() => [...walkItems(items)].filter((i) => i.children.length > 0 && !collapsed.has(i.path)).map((i) => i.path), [items, collapsed]);

  // Keep the selected item in view (it may have been chosen in the source text).
  useEffect(() => {
    const node = boxRef.current?.querySelector('.ant-tree-treenode-selected');
    const box = boxRef.current;
    if (!node || !box) return;
    const top = node.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
    if (top < box.scrollTop || top > box.scrollTop + box.clientHeight - 40) box.scrollTo({ top: Math.max(0, top - 60), behavior: 'smooth' });
  }, [selectedPath]);

  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noItems')} />;
  return (
    <div ref={boxRef} style={{ height, overflow: 'auto', position: 'relative' }} data-testid="item-tree">
      <Tree
        blockNode
        virtual={false}
        treeData={treeData}
        expandedKeys={expandedKeys}
        onExpand={(keys: Key[]) => {
          const open = new Set(keys.map(String));
          setCollapsed(new Set([...walkItems(items)].filter((i) => i.children.length > 0 && !open.has(i.path)).map((i) => i.path)));
        }}
        selectedKeys={selectedPath ? [selectedPath] : []}
        onSelect={(keys) => {
          const key = keys[0];
          if (key !== undefined) onSelect(String(key));
        }}
      />
    </div>
  );
}

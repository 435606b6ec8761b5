import { ApartmentOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Empty, Input, Spin, Tree, Typography, type GetRef } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useEffect, useMemo, useRef, useState, type Key, type ReactNode } from 'react';
import type { Department } from '@contracts/system';
import { deptSearchText, toDeptTree, type DeptNode } from '@/components/dept-tree-select';
import { useT } from '@/lib/i18n';
import { userStrings } from './i18n';

/** The title shown in the tree: the short name the staff use (full name on hover), the match highlighted. */
function nodeTitle(d: Department, keyword: string): ReactNode {
  const text = d.shortName ?? d.name;
  const at = keyword ? text.toLowerCase().indexOf(keyword.toLowerCase()) : -1;
  const body =
    at < 0 ? (
      text
    ) : (
      <>
        {text.slice(0, at)}
        <Typography.Text type="danger">{text.slice(at, at + keyword.length)}</Typography.Text>
        {text.slice(at + keyword.length)}
      </>
    );
  return (
    <span title={d.name} style={d.status === 'disabled' ? { color: 'rgba(0,0,0,0.35)' } : undefined}>
      {body}
    </span>
  );
}

/** Which departments to show for a search: the matches and the departments above them. */
function visibleIds(departments: readonly Department[], keyword: string): Set<number> | null {
  const k = keyword.trim().toLowerCase();
  if (!k) return null;
  const keep = new Set<number>();
  for (const d of departments) {
    if (!deptSearchText(d).toLowerCase().includes(k)) continue;
    keep.add(d.id);
    for (const a of d.ancestors.split(',')) keep.add(Number(a));
  }
  return keep;
}

/**
 * The left panel of the users page (RuoYi style): the department tree, searchable. Selecting a
 * department filters the user list to it and its sub-departments; selecting it again, or "all
 * departments", clears the filter.
 */
export function DeptTree({
  departments,
  loading,
  selectedId,
  onSelect,
}: {
  departments: readonly Department[];
  loading: boolean;
  selectedId: number | undefined;
  onSelect(dept: Department | null): void;
}) {
  const t = useT(userStrings);
  const [keyword, setKeyword] = useState('');
  const [expanded, setExpanded] = useState<Key[] | null>(null);

  const keep = useMemo(() => visibleIds(departments, keyword), [departments, keyword]);
  const treeData = useMemo(() => {
    const toNode = (d: DeptNode): DataNode => ({ key: d.id, title: nodeTitle(d, keyword.trim()), children: d.children?.map(toNode) });
    return toDeptTree(keep ? departments.filter((d) => keep.has(d.id)) : departments).map(toNode);
  }, [departments, keep, keyword]);

  // Until the user expands or collapses something: the top level open (e.g. the city government and
  // its units), and the way down to the selected department (it may come from a link: ?deptId=).
  const defaultExpanded = useMemo(() => {
    const keys: Key[] = toDeptTree(departments).map((d) => d.id);
    const selected = departments.find((d) => d.id === selectedId);
    if (selected) keys.push(...selected.ancestors.split(',').map(Number));
    return keys;
  }, [departments, selectedId]);
  const expandedKeys = keep ? [...keep] : (expanded ?? defaultExpanded);

  // Bring the selected department into view (the tree scrolls on its own).
  const treeRef = useRef<GetRef<typeof Tree>>(null);
  const hasData = treeData.length > 0;
  useEffect(() => {
    if (selectedId !== undefined && hasData) treeRef.current?.scrollTo({ key: selectedId, align: 'auto' });
  }, [selectedId, hasData]);

  return (
    <div>
      <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
        <ApartmentOutlined /> {t('deptTree')}
      </Typography.Text>
      <Input.Search allowClear placeholder={t('deptSearch')} value={keyword} onChange={(e) => setKeyword(e.target.value)} maxLength={100} style={{ marginBottom: 8 }} />
      <Button
        type="text"
        size="small"
        block
        icon={<TeamOutlined />}
        style={{ justifyContent: 'flex-start', marginBottom: 4, background: selectedId === undefined ? '#e6f4ff' : undefined }}
        onClick={() => onSelect(null)}
      >
        {t('allDepts')}
      </Button>
      {loading ? (
        <Spin style={{ display: 'block', margin: 24 }} />
      ) : treeData.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noDepts')} />
      ) : (
        <Tree
          ref={treeRef}
          blockNode
          height={560}
          treeData={treeData}
          selectedKeys={selectedId === undefined ? [] : [selectedId]}
          expandedKeys={expandedKeys}
          onExpand={(keys) => {
            if (!keep) setExpanded(keys);
          }}
          onSelect={(keys) => {
            const id = keys[0];
            onSelect(id === undefined ? null : (departments.find((d) => d.id === id) ?? null));
          }}
        />
      )}
    </div>
  );
}

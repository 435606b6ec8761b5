import { Button, Space, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useMemo } from 'react';
import type { PermissionGroup } from '@contracts/permissions';
import { useLang, useT } from '@/lib/i18n';
import { roleStrings } from './i18n';

/**
 * The permission catalogue as a checkable tree: one node per group, one leaf per permission. Only
 * leaf keys are kept in the value. Leaves the editor may not grant (permissions they do not hold
 * themselves) are greyed out, as the server would refuse them.
 */
export function PermissionTree({
  groups,
  value = [],
  onChange,
  disabled,
  grantable,
}: {
  groups: readonly PermissionGroup[];
  value?: string[];
  onChange?: (value: string[]) => void;
  disabled?: boolean;
  grantable: (permission: string) => boolean;
}) {
  const t = useT(roleStrings);
  const { lang } = useLang();
  const label = (x: { zh: string; en: string }) => (lang === 'en' ? x.en : x.zh);
  const leafKeys = useMemo(() => groups.flatMap((g) => g.permissions.map((p) => p.key)), [groups]);
  const leafSet = useMemo(() => new Set(leafKeys), [leafKeys]);
  const checked = new Set(value);

  const treeData: DataNode[] = groups.map((g) => {
    const n = g.permissions.filter((p) => checked.has(p.key)).length;
    return {
      key: g.key,
      title: (
        <span>
          <Typography.Text strong>{label(g)}</Typography.Text>{' '}
          <Typography.Text type="secondary">
            ({n}/{g.permissions.length})
          </Typography.Text>
        </span>
      ),
      children: g.permissions.map((p) => ({
        key: p.key,
        disableCheckbox: !grantable(p.key),
        title: (
          <span>
            {label(p)}{' '}
            <Typography.Text type="secondary" style={{ fontFamily: 'monospace', fontSize: 12 }}>
              {p.key}
            </Typography.Text>
          </span>
        ),
      })),
    };
  });

  const set = (keys: string[]) => onChange?.(keys.filter((k) => leafSet.has(k)));

  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Typography.Text type="secondary">{t('permissionsSelected', { n: value.filter((k) => leafSet.has(k)).length, total: leafKeys.length })}</Typography.Text>
        {disabled ? null : (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => set([...new Set([...value, ...leafKeys.filter(grantable)])])}>
              {t('selectAll')}
            </Button>
            <Button type="link" size="small" onClick={() => set(value.filter((k) => !grantable(k)))}>
              {t('selectNone')}
            </Button>
          </Space>
        )}
      </Space>
      <div style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: 8 }}>
        <Tree
          checkable
          selectable={false}
          defaultExpandAll
          disabled={disabled}
          treeData={treeData}
          checkedKeys={value}
          onCheck={(keys) => set((Array.isArray(keys) ? keys : keys.checked).map(String))}
        />
      </div>
    </div>
  );
}

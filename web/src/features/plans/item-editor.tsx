import { MergeCellsOutlined, ScissorOutlined } from '@ant-design/icons';
import { Button, DatePicker, Descriptions, Empty, Form, Input, Popconfirm, Select, Space, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { DraftItem, UnitRole } from '@contracts/plans';
import { useDict } from '@/lib/dicts';
import { formatDate, formatItemPath } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import type { ItemPatch } from './draft-ops';
import { displayNumber, itemSummary } from './display';
import { planStrings } from './i18n';
import { SplitModal } from './split-modal';

const ROLES: UnitRole[] = ['lead', 'support', 'joint'];

function UnitsSelect({ role, value, options, onChange }: { role: UnitRole; value: string[]; options: string[]; onChange(names: string[]): void }) {
  const t = useT(planStrings);
  const roles = useDict('plan_unit_role');
  return (
    <Select
      mode="tags"
      value={value}
      onChange={(names: string[]) => onChange([...new Set(names.map((n) => n.trim()).filter(Boolean))])}
      options={options.map((n) => ({ value: n, label: n }))}
      placeholder={t('unitsPlaceholder')}
      tokenSeparators={['、', '，', ',']}
      tagRender={({ label, closable, onClose }) => (
        <Tag color={roles.color(role)} closable={closable} onClose={onClose} style={{ marginInlineEnd: 4 }}>
          {label}
        </Tag>
      )}
      style={{ width: '100%' }}
      data-testid={`units-${role}`}
    />
  );
}

/** The selected item: its fields (editable in a draft), split and merge. */
export function ItemEditor({
  item,
  next,
  readOnly,
  planDue,
  unitOptions,
  newPathFor,
  onChange,
  onSplit,
  onMerge,
}: {
  item: DraftItem | null;
  /** The next sibling, which 与下一项合并 would take in. */
  next: DraftItem | undefined;
  readOnly: boolean;
  planDue: string;
  unitOptions: string[];
  /** The path a split would give the new item. */
  newPathFor(path: string): string;
  onChange(patch: ItemPatch): void;
  onSplit(at: number): void;
  onMerge(): void;
}) {
  const t = useT(planStrings);
  const tc = useT(common);
  const roles = useDict('plan_unit_role');
  const [cursor, setCursor] = useState<number | null>(null);
  const [splitting, setSplitting] = useState(false);

  if (!item) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('selectItem')} style={{ margin: '32px 0' }} />;

  const header = (
    <Space size={8} wrap style={{ marginBottom: 12 }}>
      <Typography.Text strong style={{ fontSize: 15 }}>
        {t('editItem', { number: formatItemPath(item.path) })}
      </Typography.Text>
      <Tag>{t('level', { n: item.level })}</Tag>
      {item.children.length > 0 ? <Tag>{t('childrenCount', { n: item.children.length })}</Tag> : null}
    </Space>
  );

  if (readOnly) {
    return (
      <div>
        {header}
        <Descriptions
          bordered
          size="small"
          column={1}
          styles={{ label: { width: 120 } }}
          items={[
            { key: 'heading', label: t('heading'), children: item.heading ?? <Typography.Text type="secondary">{t('headingPlaceholder')}</Typography.Text> },
            { key: 'text', label: t('text'), children: <div style={{ whiteSpace: 'pre-wrap' }}>{item.text}</div> },
            ...ROLES.map((role) => ({
              key: role,
              label: roles.label(role),
              children: item[role].length ? item[role].map((n) => <Tag key={n} color={roles.color(role)}>{n}</Tag>) : <Typography.Text type="secondary">—</Typography.Text>,
            })),
            { key: 'due', label: t('itemDue'), children: formatDate(item.dueDate ?? planDue) },
          ]}
        />
      </div>
    );
  }

  return (
    <div data-testid="item-editor">
      {header}
      <Form layout="vertical" component="div">
        <Form.Item label={t('heading')} style={{ marginBottom: 12 }}>
          <Input value={item.heading ?? ''} placeholder={t('headingPlaceholder')} maxLength={200} allowClear onChange={(e) => onChange({ heading: e.target.value.trim() ? e.target.value : null })} />
        </Form.Item>
        <Form.Item label={t('text')} style={{ marginBottom: 12 }}>
          <Input.TextArea
            value={item.text}
            autoSize={{ minRows: 4, maxRows: 12 }}
            maxLength={20_000}
            onChange={(e) => onChange({ text: e.target.value })}
            onSelect={(e) => setCursor(e.currentTarget.selectionStart)}
          />
        </Form.Item>
        {ROLES.map((role) => (
          <Form.Item key={role} label={t(role)} style={{ marginBottom: 12 }}>
            <UnitsSelect role={role} value={item[role]} options={unitOptions} onChange={(names) => onChange({ [role]: names })} />
          </Form.Item>
        ))}
        <Form.Item label={t('itemDue')} style={{ marginBottom: 12 }}>
          <DatePicker
            value={item.dueDate ? dayjs(item.dueDate) : null}
            placeholder={t('itemDuePlaceholder', { date: formatDate(planDue) })}
            onChange={(d) => onChange({ dueDate: d ? d.format('YYYY-MM-DD') : null })}
            style={{ width: 240 }}
          />
        </Form.Item>
      </Form>
      <Space>
        <Button icon={<ScissorOutlined />} onClick={() => setSplitting(true)}>
          {t('split')}
        </Button>
        {next ? (
          <Popconfirm
            title={t('mergeConfirm', { next: `${displayNumber(next.number)} ${itemSummary(next, 20)}` })}
            description={t('mergeDesc')}
            okText={t('mergeNext')}
            cancelText={tc('cancel')}
            onConfirm={onMerge}
          >
            <Button icon={<MergeCellsOutlined />}>{t('mergeNext')}</Button>
          </Popconfirm>
        ) : (
          <Tooltip title={t('mergeNone')}>
            <Button icon={<MergeCellsOutlined />} disabled>
              {t('mergeNext')}
            </Button>
          </Tooltip>
        )}
      </Space>
      <SplitModal
        open={splitting}
        text={item.text}
        number={displayNumber(item.number)}
        newPath={formatItemPath(newPathFor(item.path))}
        cursor={cursor}
        onCancel={() => setSplitting(false)}
        onSplit={(at) => {
          setSplitting(false);
          onSplit(at);
        }}
      />
    </div>
  );
}

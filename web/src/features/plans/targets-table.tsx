import { Input, InputNumber, Select, Table, Tooltip, Typography } from 'antd';
import type { ParsedTarget, TargetComparator } from '@contracts/plans';
import { formatItemPath } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { planStrings } from './i18n';
import { OutsideItems } from './outside-items';
import { removeColumn } from './remove-column';

type Keyed = ParsedTarget & { key: number };

const COMPARATOR_KEYS: Record<TargetComparator, keyof typeof planStrings> = {
  '>=': 'cmpGe',
  '<=': 'cmpLe',
  '=': 'cmpEq',
  '>': 'cmpGt',
  '<': 'cmpLt',
  x: 'cmpTimes',
  '+%': 'cmpPlus',
  '+': 'cmpAdd',
};

/** 量化指标: the quantitative targets found in the text, editable in a draft (they become indicators on publishing). */
export function TargetsTable({
  targets,
  readOnly,
  onChange,
  onSelectItem,
}: {
  targets: readonly ParsedTarget[];
  readOnly: boolean;
  onChange(targets: ParsedTarget[]): void;
  onSelectItem(path: string): void;
}) {
  const t = useT(planStrings);
  const rows: Keyed[] = targets.map((x, key) => ({ ...x, key }));
  const patch = (i: number, p: Partial<ParsedTarget>) => onChange(targets.map((x, j) => (j === i ? { ...x, ...p } : x)));

  return (
    <Table<Keyed>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 1000 }}
      locale={{ emptyText: t('noTargets') }}
      columns={[
        {
          title: t('item'),
          dataIndex: 'path',
          width: 100,
          render: (p: string, r) => (p ? <Typography.Link onClick={() => onSelectItem(p)}>{formatItemPath(p)}</Typography.Link> : <OutsideItems position={r.position} />),
        },
        {
          title: t('indicator'),
          dataIndex: 'indicator',
          width: 220,
          render: (v: string, r) => (readOnly ? v : <Input.TextArea value={v} maxLength={200} autoSize={{ minRows: 1, maxRows: 4 }} onChange={(e) => patch(r.key, { indicator: e.target.value })} />),
        },
        {
          title: t('comparator'),
          dataIndex: 'comparator',
          width: 150,
          render: (v: TargetComparator, r) =>
            readOnly ? (
              t(COMPARATOR_KEYS[v])
            ) : (
              <Select<TargetComparator>
                value={v}
                onChange={(c) => patch(r.key, { comparator: c })}
                options={(Object.keys(COMPARATOR_KEYS) as TargetComparator[]).map((c) => ({ value: c, label: t(COMPARATOR_KEYS[c]) }))}
                popupMatchSelectWidth={false}
                style={{ width: '100%' }}
              />
            ),
        },
        {
          title: t('value'),
          dataIndex: 'value',
          width: 110,
          render: (v: number, r) => (readOnly ? v : <InputNumber value={v} onChange={(n) => n !== null && patch(r.key, { value: n })} style={{ width: '100%' }} />),
        },
        {
          title: t('unit'),
          dataIndex: 'unit',
          width: 90,
          render: (v: string | null, r) => (readOnly ? (v ?? '') : <Input value={v ?? ''} maxLength={20} onChange={(e) => patch(r.key, { unit: e.target.value || null })} />),
        },
        {
          title: t('year'),
          dataIndex: 'year',
          width: 100,
          render: (v: number | null, r) =>
            readOnly ? (v ?? '') : <InputNumber value={v} min={1990} max={2100} precision={0} onChange={(n) => patch(r.key, { year: n })} style={{ width: '100%' }} />,
        },
        {
          title: t('sentence'),
          dataIndex: 'sentence',
          ellipsis: { showTitle: false },
          render: (v: string) => (
            <Tooltip title={v} placement="topLeft" styles={{ root: { maxWidth: 560 } }}>
              <span>{v}</span>
            </Tooltip>
          ),
        },
        ...removeColumn<Keyed>(readOnly, t('remove'), (index) => onChange(targets.filter((_x, j) => j !== index))),
      ]}
    />
  );
}

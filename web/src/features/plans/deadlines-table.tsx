import { DatePicker, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ParsedDeadline } from '@contracts/plans';
import { formatDate, formatItemPath } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { planStrings } from './i18n';
import { OutsideItems } from './outside-items';
import { removeColumn } from './remove-column';

type Keyed = ParsedDeadline & { key: number };

/** 时间节点: dates the text sets (完成时限, 报送总结), editable in a draft. */
export function DeadlinesTable({
  deadlines,
  readOnly,
  onChange,
  onSelectItem,
}: {
  deadlines: readonly ParsedDeadline[];
  readOnly: boolean;
  onChange(deadlines: ParsedDeadline[]): void;
  onSelectItem(path: string): void;
}) {
  const t = useT(planStrings);
  const rows: Keyed[] = deadlines.map((x, key) => ({ ...x, key }));
  return (
    <Table<Keyed>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={rows}
      locale={{ emptyText: t('noDeadlines') }}
      columns={[
        {
          title: t('date'),
          dataIndex: 'date',
          width: 170,
          render: (v: string, r) =>
            readOnly ? (
              formatDate(v)
            ) : (
              <DatePicker value={dayjs(v)} allowClear={false} onChange={(d) => d && onChange(deadlines.map((x, j) => (j === r.key ? { ...x, date: d.format('YYYY-MM-DD') } : x)))} />
            ),
        },
        {
          title: t('item'),
          dataIndex: 'path',
          width: 110,
          render: (p: string | null, r) => (p ? <Typography.Link onClick={() => onSelectItem(p)}>{formatItemPath(p)}</Typography.Link> : <OutsideItems position={r.position} />),
        },
        { title: t('sentence'), dataIndex: 'sentence', render: (v: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span> },
        ...removeColumn<Keyed>(readOnly, t('remove'), (index) => onChange(deadlines.filter((_x, j) => j !== index))),
      ]}
    />
  );
}

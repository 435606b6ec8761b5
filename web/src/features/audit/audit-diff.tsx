import { Space, Switch, Table, Tag, theme, Typography } from 'antd';
import { useState } from 'react';
import { JsonBlock } from '@/components/json-block';
import { useT } from '@/lib/i18n';
import { auditStrings } from './i18n';

type Json = unknown;

function isPlainObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** JSON with object keys sorted, so equal values compare equal whatever the key order. */
function canonical(v: Json): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (isPlainObject(v)) {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'undefined';
}

interface Row {
  key: string;
  before: Json;
  after: Json;
  inBefore: boolean;
  inAfter: boolean;
  changed: boolean;
}

/** One row per top-level field of either snapshot; a non-object snapshot is one row of its own. */
function diffRows(before: Json, after: Json): Row[] {
  const b = isPlainObject(before) ? before : before === null || before === undefined ? {} : { '': before };
  const a = isPlainObject(after) ? after : after === null || after === undefined ? {} : { '': after };
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.map((key) => ({
    key,
    before: b[key],
    after: a[key],
    inBefore: key in b,
    inAfter: key in a,
    changed: !(key in b && key in a) || canonical(b[key]) !== canonical(a[key]),
  }));
}

/** For two lists of plain values (permissions, dept ids): what was added and removed. */
function listChange(before: Json, after: Json): { added: string[]; removed: string[] } | null {
  const plain = (v: Json) => Array.isArray(v) && v.every((x) => typeof x !== 'object' || x === null);
  if (!plain(before) || !plain(after)) return null;
  const b = new Set((before as Json[]).map((x) => String(x)));
  const a = new Set((after as Json[]).map((x) => String(x)));
  return { added: [...a].filter((x) => !b.has(x)), removed: [...b].filter((x) => !a.has(x)) };
}

function Value({ value, present, highlight }: { value: Json; present: boolean; highlight: boolean }) {
  const t = useT(auditStrings);
  if (!present) return <Typography.Text type="secondary">{t('absent')}</Typography.Text>;
  if (typeof value === 'object' && value !== null) return <JsonBlock value={value} maxHeight={220} highlight={highlight} />;
  if (value === null) return <Typography.Text type="secondary">null</Typography.Text>;
  return <span style={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>{String(value)}</span>;
}

/** The before and after snapshots side by side, field by field, changed fields highlighted. */
export function AuditDiff({ before, after }: { before: Json; after: Json }) {
  const t = useT(auditStrings);
  const { token } = theme.useToken();
  const rows = diffRows(before, after);
  const changed = rows.filter((r) => r.changed).length;
  // Open on what changed; the switch shows the unchanged fields too.
  const [onlyChanged, setOnlyChanged] = useState(changed > 0);
  if (rows.length === 0) return <Typography.Text type="secondary">{t('noChanges')}</Typography.Text>;
  const hasBefore = before !== null && before !== undefined;
  const hasAfter = after !== null && after !== undefined;
  if (!hasBefore || !hasAfter) {
    // Only one snapshot (a creation, a deletion, a login …): list its fields, nothing to compare.
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{hasAfter ? t('onlyAfter') : t('onlyBefore')}</Typography.Text>
        <Table<Row>
          rowKey="key"
          size="small"
          bordered
          pagination={false}
          dataSource={rows}
          columns={[
            {
              title: t('field'),
              dataIndex: 'key',
              width: 170,
              render: (k: string) => (
                <Typography.Text strong style={{ fontFamily: 'monospace' }}>
                  {k || '—'}
                </Typography.Text>
              ),
            },
            {
              title: hasAfter ? t('after') : t('before'),
              key: 'value',
              render: (_: unknown, r) => <Value value={hasAfter ? r.after : r.before} present highlight={false} />,
            },
          ]}
        />
      </Space>
    );
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text type="secondary">{t('changedCount', { n: rows.length, changed })}</Typography.Text>
        <Space>
          <Typography.Text>{t('onlyChanged')}</Typography.Text>
          <Switch size="small" checked={onlyChanged} onChange={setOnlyChanged} />
        </Space>
      </Space>
      <Table<Row>
        rowKey="key"
        size="small"
        bordered
        pagination={false}
        dataSource={onlyChanged ? rows.filter((r) => r.changed) : rows}
        onRow={(r) => ({ style: r.changed ? { background: token.colorWarningBg } : undefined })}
        columns={[
          {
            title: t('field'),
            dataIndex: 'key',
            width: 170,
            render: (k: string, r) => (
              <Space orientation="vertical" size={2}>
                <Typography.Text strong style={{ fontFamily: 'monospace' }}>
                  {k || '—'}
                </Typography.Text>
                {r.changed ? <Tag color="orange">{t('changed')}</Tag> : null}
              </Space>
            ),
          },
          { title: t('before'), key: 'before', render: (_: unknown, r) => <Value value={r.before} present={r.inBefore} highlight={r.changed} /> },
          {
            title: t('after'),
            key: 'after',
            render: (_: unknown, r) => {
              const list = r.changed ? listChange(r.before, r.after) : null;
              return (
                <Space orientation="vertical" style={{ width: '100%' }} size={4}>
                  <Value value={r.after} present={r.inAfter} highlight={r.changed} />
                  {list && (list.added.length > 0 || list.removed.length > 0) ? (
                    <div style={{ fontFamily: 'monospace', fontSize: 12 }}>
                      {list.added.map((x) => (
                        <div key={`+${x}`} style={{ color: token.colorSuccess }}>
                          + {x}
                        </div>
                      ))}
                      {list.removed.map((x) => (
                        <div key={`-${x}`} style={{ color: token.colorError }}>
                          − {x}
                        </div>
                      ))}
                    </div>
                  ) : null}
                </Space>
              );
            },
          },
        ]}
      />
    </Space>
  );
}

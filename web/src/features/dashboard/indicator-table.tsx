import { Button, Progress, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { Indicator } from '@contracts/plans';
import { formatDate, formatItemPath } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { COMPARATOR_SIGNS, formatNumber, isRelative, requiredValue, valueUnit } from './display';
import { dashboardStrings } from './i18n';

type T = ReturnType<typeof useT<typeof dashboardStrings>>;

/** The target as a sign and a number: ≥ 93%, ×2（翻番）, +60%, +8项, −2个百分点. */
export function targetText(i: Indicator, t: T): string {
  if (i.comparator === 'x') return i.targetValue === 2 ? `×2（${t('double')}）` : `×${formatNumber(i.targetValue)}`;
  if (i.comparator === '+%') return `${i.targetValue < 0 ? '−' : '+'}${formatNumber(Math.abs(i.targetValue))}%`;
  if (i.comparator === '+') return `${i.targetValue < 0 ? '−' : '+'}${formatNumber(Math.abs(i.targetValue))}${i.unit ?? ''}`;
  return `${COMPARATOR_SIGNS[i.comparator]} ${formatNumber(i.targetValue)}${i.unit ?? ''}`;
}

/** Where a value came from: 手工录入, 进展报告, or a module's own key as it is. */
export function sourceText(source: string, t: T): string {
  if (source === 'manual') return t('sourceManual');
  if (source === 'report') return t('sourceReport');
  return source;
}

export function ResultTag({ indicator }: { indicator: Indicator }) {
  const t = useT(dashboardStrings);
  if (!indicator.latest) return <Tag>{t('awaitingValue')}</Tag>;
  if (indicator.attained === null) return <Tag color="warning">{t('needsBaseline')}</Tag>;
  return indicator.attained ? <Tag color="success">{t('attained')}</Tag> : <Tag color="error">{t('notAttained')}</Tag>;
}

function TargetCell({ indicator: i }: { indicator: Indicator }) {
  const t = useT(dashboardStrings);
  const required = requiredValue(i);
  return (
    <div>
      <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
        {targetText(i, t)}
      </Typography.Text>
      {i.targetYear ? (
        <Typography.Text type="secondary" style={{ marginInlineStart: 6, fontSize: 12, whiteSpace: 'nowrap' }}>
          {t('byYear', { year: i.targetYear })}
        </Typography.Text>
      ) : null}
      {isRelative(i.comparator) ? (
        <div style={{ fontSize: 12 }}>
          {i.baseline !== null && required !== null ? (
            <Typography.Text type="secondary">{t('baselineIs', { value: formatNumber(i.baseline), required: formatNumber(required) })}</Typography.Text>
          ) : (
            <Typography.Text type="warning">{t('noBaseline')}</Typography.Text>
          )}
        </div>
      ) : null}
    </div>
  );
}

function LatestCell({ indicator: i }: { indicator: Indicator }) {
  const t = useT(dashboardStrings);
  if (!i.latest) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <div>
      <Typography.Text strong>
        {formatNumber(i.latest.value)}
        {valueUnit(i)}
      </Typography.Text>
      <div style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('asOf', { date: formatDate(i.latest.asOf) })} · {sourceText(i.latest.source, t)}
        </Typography.Text>
      </div>
    </div>
  );
}

/** 量化指标完成情况: each indicator's target, latest value, progress and whether it is met. */
export function IndicatorTable({
  indicators,
  showPlan,
  canEdit,
  loading,
  onRecord,
  onBaseline,
}: {
  indicators: readonly Indicator[];
  showPlan: boolean;
  canEdit: boolean;
  loading: boolean;
  onRecord(i: Indicator): void;
  onBaseline(i: Indicator): void;
}) {
  const t = useT(dashboardStrings);
  const tc = useT(common);
  return (
    <Table<Indicator>
      rowKey="id"
      size="small"
      pagination={indicators.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      loading={loading}
      dataSource={indicators as Indicator[]}
      scroll={{ x: 1060 }}
      locale={{ emptyText: t('noIndicators') }}
      columns={[
        {
          title: t('indicator'),
          dataIndex: 'name',
          width: 190,
          render: (name: string, i) => (
            <Tooltip title={i.sentence}>
              <div>
                {i.itemPath ? <Typography.Text type="secondary">{formatItemPath(i.itemPath)} </Typography.Text> : null}
                {name}
              </div>
            </Tooltip>
          ),
        },
        ...(showPlan
          ? [
              {
                title: t('plan'),
                dataIndex: 'planTitle',
                width: 150,
                render: (title: string) => (
                  <Typography.Text ellipsis={{ tooltip: title }} style={{ width: 134 }}>
                    {title}
                  </Typography.Text>
                ),
              },
            ]
          : []),
        { title: t('target'), key: 'target', width: 170, render: (_: unknown, i: Indicator) => <TargetCell indicator={i} /> },
        { title: t('latest'), key: 'latest', width: 180, render: (_: unknown, i: Indicator) => <LatestCell indicator={i} /> },
        {
          title: t('progress'),
          dataIndex: 'progress',
          width: 130,
          render: (p: number | null, i) => (p === null ? <Typography.Text type="secondary">—</Typography.Text> : <Progress percent={p} size="small" status={i.attained ? 'success' : 'normal'} />),
        },
        { title: t('result'), key: 'result', width: 96, render: (_: unknown, i: Indicator) => <ResultTag indicator={i} /> },
        ...(canEdit
          ? [
              {
                title: tc('actions'),
                key: 'actions',
                width: 150,
                fixed: 'right' as const,
                render: (_: unknown, i: Indicator) => (
                  <Space size={4}>
                    <Button type="link" size="small" onClick={() => onRecord(i)}>
                      {t('record')}
                    </Button>
                    {isRelative(i.comparator) ? (
                      <Button type="link" size="small" onClick={() => onBaseline(i)}>
                        {t('setBaseline')}
                      </Button>
                    ) : null}
                  </Space>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

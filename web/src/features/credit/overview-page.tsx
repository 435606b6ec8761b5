import { Alert, Card, Col, Empty, Row, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { ListEntry } from '@contracts/credit-lists';
import { EChart, type EChartOption } from '@/components/echart';
import { PageContainer } from '@/components/page-container';
import { useAuth } from '@/lib/auth';
import { useDict } from '@/lib/dicts';
import { useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { useListAlerts } from './api/lists';
import { useEvaluationStats } from './api/models';
import { useRepairAlerts } from './api/applications';
import { NextStepCell } from './display';
import { creditStrings, type CreditKey } from './i18n';

/** Dictionary colour names → chart colours. */
const COLOURS: Record<string, string> = { green: '#389e0d', cyan: '#08979c', blue: '#1d4ed8', gold: '#d4b106', orange: '#d46b08', red: '#cf1322', volcano: '#d4380d', default: '#8c8c8c' };

function useDistribution(type: string, rows: { grade: string; count: number }[] | null | undefined): EChartOption | null {
  const dict = useDict(type);
  return useMemo(() => {
    if (!rows) return null;
    // Every grade of the dictionary, in its order, so an empty grade shows as 0 rather than vanishing.
    const order = dict.items.map((i) => i.value);
    const all = [...order, ...rows.map((r) => r.grade).filter((g) => !order.includes(g))];
    const count = (g: string) => rows.find((r) => r.grade === g)?.count ?? 0;
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 16, top: 24, bottom: 56 },
      // "B 类（信用风险一般）" on two lines: side by side, four of them ran into each other.
      xAxis: { type: 'category', data: all.map((g) => dict.label(g).replace('（', '\n（').replace(' (', '\n(')), axisLabel: { interval: 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          data: all.map((g) => ({ value: count(g), itemStyle: { color: COLOURS[dict.color(g) ?? 'default'] ?? COLOURS.default } })),
          label: { show: true, position: 'top' },
        },
      ],
    };
  }, [rows, dict]);
}

export default function OverviewPage() {
  const t = useT(creditStrings);
  const tc = useT(common);
  const { can } = useAuth();
  const stats = useEvaluationStats(can('credit:evaluation:list'));
  const alerts = useListAlerts(can('credit:list:list'));
  const repairs = useRepairAlerts(can('credit:repair:handle'));
  const lists = useDict('credit_list');
  const gradeChart = useDistribution('credit_grade', stats.data?.grades);
  const riskChart = useDistribution('credit_risk_class', stats.data?.riskClasses);

  return (
    <PageContainer title={tc('creditOverview')} description={t('overviewDescription')}>
      <Row gutter={[16, 16]}>
        {alerts.data ? (
          <>
            <Col xs={24} sm={8} lg={6}>
              <Card data-testid="overview-list-overdue">
                <Link to="/credit/lists?overdue=true">
                  <Statistic title={t('listOverdue')} value={alerts.data.overdue} styles={{ content: alerts.data.overdue > 0 ? { color: '#cf1322' } : undefined }} />
                </Link>
                <Space size={2} wrap>
                  {Object.entries(alerts.data.byStep)
                    .filter(([, n]) => n > 0)
                    .map(([step, n]) => (
                      <Tag key={step} color="red">
                        {t(`step_${step}` as CreditKey)} {n}
                      </Tag>
                    ))}
                </Space>
              </Card>
            </Col>
            <Col xs={24} sm={8} lg={6}>
              <Card>
                <Statistic title={t('listDueSoon')} value={alerts.data.dueSoon} styles={{ content: alerts.data.dueSoon > 0 ? { color: '#d46b08' } : undefined }} />
              </Card>
            </Col>
            <Col xs={24} sm={8} lg={6}>
              <Card>
                <Statistic title={t('listMissed')} value={alerts.data.missed} />
              </Card>
            </Col>
          </>
        ) : alerts.isLoading ? (
          <Col span={18}>
            <Skeleton active paragraph={{ rows: 2 }} />
          </Col>
        ) : null}
        {repairs.data ? (
          <Col xs={24} sm={12} lg={6}>
            <Card data-testid="overview-repair-overdue">
              <Link to="/credit/repairs?overdue=true">
                <Statistic title={t('repairOverdue')} value={repairs.data.total} styles={{ content: repairs.data.total > 0 ? { color: '#cf1322' } : undefined }} />
              </Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('repairAcceptOverdue', { n: repairs.data.acceptOverdue })} · {t('repairDecideOverdue', { n: repairs.data.decideOverdue })} ·{' '}
                {t('repairStopOverdue', { n: repairs.data.stopOverdue })}
              </Typography.Text>
            </Card>
          </Col>
        ) : null}
        <Col xs={24} lg={12}>
          <Card title={t('gradeDistribution')} extra={stats.data ? t('evaluated', { n: stats.data.total }) : null}>
            {stats.error ? <Alert type="error" showIcon title={(stats.error as Error).message} /> : gradeChart ? <EChart option={gradeChart} /> : <Skeleton active />}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('riskDistribution')}>
            {stats.data && stats.data.riskClasses === null ? <Empty description={t('riskHidden')} /> : riskChart ? <EChart option={riskChart} /> : <Skeleton active />}
          </Card>
        </Col>
        {alerts.data ? (
          <Col span={24}>
            <Card
              title={t('overdueItems')}
              extra={
                <Link to="/credit/lists?overdue=true">
                  {t('viewAll')}
                </Link>
              }
            >
              {alerts.data.items.length === 0 ? (
                <Empty description={t('noOverdue')} />
              ) : (
                <Table<ListEntry>
                  rowKey="id"
                  size="small"
                  data-testid="overview-items"
                  dataSource={alerts.data.items}
                  pagination={{ pageSize: 10, hideOnSinglePage: true }}
                  columns={[
                    { title: t('entity'), key: 'entity', render: (_: unknown, e) => <Link to={`/entities/${e.uscc}`}>{e.entityName}</Link> },
                    { title: t('list'), dataIndex: 'list', width: 170, render: (v: string) => lists.label(v) },
                    { title: t('decisionNo'), dataIndex: 'decisionNo', width: 200 },
                    { title: t('nextStep'), key: 'next', width: 220, render: (_: unknown, e) => <NextStepCell step={e.nextStep} /> },
                  ]}
                />
              )}
            </Card>
          </Col>
        ) : null}
      </Row>
    </PageContainer>
  );
}

import { Alert, Card, Col, Row, Skeleton, Statistic, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { Overview } from '@contracts/system';
import { EChart, type EChartOption } from '@/components/echart';
import { PersonName } from '@/components/person-name';
import { useAuth } from '@/lib/auth';
import { DictTag, useDict } from '@/lib/dicts';
import { formatDateTime } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { useOverview } from './api/get-overview';
import { homeStrings } from './i18n';
import { CreditAlertsCard } from './credit-alerts-card';
import { ReviewQueueCard } from './review-queue-card';
import { TodoCard } from './todo-card';

export default function HomePage() {
  const t = useT(homeStrings);
  const { me, can } = useAuth();
  const { data, isLoading, error } = useOverview();
  const kinds = useDict('sys_dept_kind');

  const roleChart = useMemo<EChartOption | null>(() => {
    if (!data) return null;
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 16, bottom: 40 },
      xAxis: { type: 'category', data: data.usersByRole.map((r) => r.name), axisLabel: { interval: 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: data.usersByRole.map((r) => r.count), itemStyle: { color: '#1d4ed8' }, label: { show: true, position: 'top' } }],
    };
  }, [data]);

  const kindChart = useMemo<EChartOption | null>(() => {
    if (!data) return null;
    return {
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [{ type: 'pie', radius: ['40%', '68%'], center: ['50%', '42%'], data: data.departments.byKind.map((k) => ({ name: kinds.label(k.kind), value: k.count })) }],
    };
  }, [data, kinds]);

  if (error) return <Alert style={{ margin: 24 }} type="error" showIcon title={(error as Error).message} />;
  if (isLoading || !data) return <Skeleton active style={{ padding: 24 }} />;
  const o: Overview = data;
  const enterprise = Boolean(me?.user.enterpriseUscc);
  const keepsDirectory = can('system:user:list') || can('system:dept:list');
  // From November, deadlines of the coming weeks run into next year: its notice is due (counted 暂估 until loaded).
  const now = new Date();
  const nextYear = now.getFullYear() + 1;
  const nextYearMissing = now.getMonth() >= 10 && !o.calendar.years.includes(nextYear);
  return (
    <div style={{ padding: 24 }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('welcome', { name: me?.user.displayName ?? '' })}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        {can('plans:task:list') ? (
          <Col span={24}>
            <TodoCard />
          </Col>
        ) : null}
        {can('credit:list:list') || can('credit:repair:handle') ? (
          <Col span={24}>
            <CreditAlertsCard />
          </Col>
        ) : null}
        {can('entities:record:review') ? (
          <Col span={24}>
            <ReviewQueueCard />
          </Col>
        ) : null}
        {enterprise ? (
          <Col span={24}>
            <Card title={t('myEnterpriseTitle')} data-testid="home-my-enterprise">
              <Typography.Paragraph type="secondary">{t('myEnterpriseHint')}</Typography.Paragraph>
              <Link to="/my-enterprise">{t('myEnterpriseLink')}</Link>
            </Card>
          </Col>
        ) : null}
        {/* The directory's figures are for those who keep it; an enterprise or a district officer
            would read 用户 1 / 部门 0 as something about their work. */}
        {keepsDirectory ? (
          <>
            <Col xs={24} sm={12} lg={6}>
              <Card>
                <Statistic title={t('users')} value={o.users.total} />
                <Typography.Text type="secondary">
                  {t('activeUsers', { n: o.users.active })} · {t('lockedUsers')} {o.users.locked}
                </Typography.Text>
              </Card>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Card>
                <Statistic title={t('departments')} value={o.departments.total} />
                <Typography.Text type="secondary">{t('departmentKinds', { n: o.departments.byKind.length })}</Typography.Text>
              </Card>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Card>
                <Statistic title={t('districts')} value={o.districts} />
              </Card>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Card>
                <Statistic title={t('calendarYears')} value={o.calendar.years.join('、') || '—'} />
                {o.calendar.nextHoliday ? <Typography.Text type="secondary">{t('nextHoliday', { ...o.calendar.nextHoliday })}</Typography.Text> : null}
                {nextYearMissing ? (
                  <div>
                    <Typography.Text type="warning" data-testid="calendar-missing">
                      {t('calendarMissing', { year: nextYear })}
                      {can('system:calendar:list') ? <Link to="/system/calendar"> {t('calendarMissingLink')}</Link> : null}
                    </Typography.Text>
                  </div>
                ) : null}
              </Card>
            </Col>
            <Col xs={24} lg={14}>
              <Card title={t('usersByRole')}>{roleChart ? <EChart option={roleChart} /> : null}</Card>
            </Col>
            <Col xs={24} lg={10}>
              <Card title={t('departmentsByKind')}>{kindChart ? <EChart option={kindChart} /> : null}</Card>
            </Col>
          </>
        ) : null}
        {can('monitor:operlog:list') ? (
          <Col span={24}>
            <Card title={t('recentOperations')}>
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={o.recentOperations}
                locale={{ emptyText: t('noOperations') }}
                columns={[
                  { title: t('time'), dataIndex: 'operTime', width: 180, render: (v: string) => formatDateTime(v) },
                  { title: t('title'), dataIndex: 'title' },
                  { title: t('type'), dataIndex: 'operType', width: 100, render: (v: string) => <DictTag type="sys_oper_type" value={v} /> },
                  { title: t('operator'), key: 'operName', width: 200, render: (_: unknown, r: Overview['recentOperations'][number]) => <PersonName name={r.operDisplayName} username={r.operName} compact /> },
                  { title: '', dataIndex: 'status', width: 90, render: (v: string) => <DictTag type="sys_oper_status" value={v} /> },
                ]}
              />
            </Card>
          </Col>
        ) : null}
      </Row>
    </div>
  );
}

import { Alert, Card, Col, Row, Skeleton, Statistic, Table, Typography } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { Overview } from '@contracts/system';
import { EChart, type EChartOption } from '@/components/echart';
import { PersonName } from '@/components/person-name';
import { useAuth } from '@/lib/auth';
import { DictTag, useDict } from '@/lib/dicts';
import { formatDateTime } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { useOverview } from './api/get-overview';
import { ComingCard } from './coming-card';
import { CreditAlertsCard } from './credit-alerts-card';
import { homeStrings } from './i18n';
import { ReviewQueueCard } from './review-queue-card';
import { TerritoryCard } from './territory-card';
import { TodoCard } from './todo-card';

/**
 * The home page shows each account its own work: a unit its tasks, round reports and 督办 to
 * answer; an officer the statutory clocks and the entities of their territory; an enterprise its
 * archive; an inspector or a testing body what they can do now and what is coming. The directory's
 * figures (users by role, departments by kind, calendar years, recent operations) are the
 * administrator's, who keeps the organisation (roles are theirs alone).
 */
export default function HomePage() {
  const t = useT(homeStrings);
  const { me, can } = useAuth();
  const administrator = can('system:role:list');
  const roleKeys = new Set(me?.roles.map((r) => r.key) ?? []);
  // The administrator role carries every permission to run the system, not the city's work: an
  // account that is only an administrator sees the directory, not every unit's tasks.
  const adminOnly = roleKeys.size === 1 && roleKeys.has('admin');
  const enterprise = Boolean(me?.user.enterpriseUscc);
  const officer = can('entities:entity:list') && !enterprise && !adminOnly;
  const where = me?.user.deptName ?? me?.user.districtName ?? null;

  const cards: ReactNode[] = [];
  if (adminOnly) {
    // Directory figures only (below).
  } else if (can('plans:task:list')) cards.push(<TodoCard key="todo" />);
  if (!adminOnly && (can('credit:list:list') || can('credit:repair:handle'))) cards.push(<CreditAlertsCard key="credit" />);
  // Enterprises' declarations and commitments wait here for an officer before they reach the portal.
  if (!adminOnly && can('entities:record:review')) cards.push(<ReviewQueueCard key="review" />);
  if (enterprise) {
    cards.push(
      <Card key="enterprise" title={t('myEnterpriseTitle')} data-testid="home-my-enterprise">
        <Typography.Paragraph type="secondary">{t('myEnterpriseHint')}</Typography.Paragraph>
        <Link to="/my-enterprise">{t('myEnterpriseLink')}</Link>
      </Card>,
    );
  }
  if (roleKeys.has('inspector')) cards.push(<ComingCard key="inspector" role="inspector" />);
  if (officer) cards.push(<TerritoryCard key="territory" />);
  if (roleKeys.has('lab')) cards.push(<ComingCard key="lab" role="lab" />);
  if (cards.length === 0 && !administrator) {
    cards.push(
      <Card key="none" data-testid="home-nothing">
        <Typography.Paragraph style={{ marginBottom: 0 }}>{t('nothingHere')}</Typography.Paragraph>
      </Card>,
    );
  }

  return (
    <div style={{ padding: 24 }}>
      <Typography.Title level={4} style={{ marginTop: 0, marginBottom: 4 }}>
        {t('welcome', { name: me?.user.displayName ?? '' })}
      </Typography.Title>
      <Typography.Paragraph type="secondary" data-testid="home-who">
        {[me?.roles.map((r) => r.name).join('、'), where].filter(Boolean).join(' · ')}
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {cards.map((c, i) => (
          <Col span={24} key={i}>
            {c}
          </Col>
        ))}
        {administrator ? <DirectoryFigures /> : null}
      </Row>
    </div>
  );
}

/** The administrator's view of the organisation: accounts, departments, calendar, recent operations. */
function DirectoryFigures() {
  const t = useT(homeStrings);
  const { can } = useAuth();
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

  if (error) {
    return (
      <Col span={24}>
        <Alert type="error" showIcon title={(error as Error).message} />
      </Col>
    );
  }
  if (isLoading || !data) {
    return (
      <Col span={24}>
        <Skeleton active />
      </Col>
    );
  }
  const o: Overview = data;
  // From November, deadlines of the coming weeks run into next year: its notice is due (counted 暂估 until loaded).
  const now = new Date();
  const nextYear = now.getFullYear() + 1;
  const nextYearMissing = now.getMonth() >= 10 && !o.calendar.years.includes(nextYear);
  return (
    <>
      <Col xs={24} sm={12} lg={6}>
        <Card data-testid="home-directory-users">
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
    </>
  );
}

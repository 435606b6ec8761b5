import { Alert, Button, Card, Col, Empty, Row, Select, Skeleton, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Dashboard, Indicator } from '@contracts/plans';
import { PageContainer } from '@/components/page-container';
import { useAuth } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { useDashboard } from './api/get-dashboard';
import { usePlanOptions } from './api/get-plan-options';
import { DistrictChart, StatusChart, UnitChart } from './dashboard-charts';
import { isDistrictCode } from './display';
import { dashboardStrings } from './i18n';
import { BaselineModal, RecordValueModal } from './indicator-modals';
import { IndicatorTable } from './indicator-table';
import { RoundsCard } from './rounds-card';
import { StatCards } from './stat-cards';

/** Units the by-unit chart shows until asked for all (the server sends the busiest 30). */
const UNITS_SHOWN = 15;
const NONE: Dashboard['byUnit'] = [];

function positiveInt(value: string | null): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

function CardTitle({ title, hint }: { title: string; hint?: string }) {
  return (
    <span>
      {title}
      {hint ? (
        <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal', marginInlineStart: 8 }}>
          {hint}
        </Typography.Text>
      ) : null}
    </span>
  );
}

/** 督办看板: completion by unit and district, task status, indicators and reporting rounds of published plans. */
export default function DashboardPage() {
  const t = useT(dashboardStrings);
  const tc = useT(common);
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const planId = positiveInt(params.get('planId'));
  const plans = usePlanOptions();
  const dashboard = useDashboard(planId);
  const [recording, setRecording] = useState<Indicator | null>(null);
  const [baselineOf, setBaselineOf] = useState<Indicator | null>(null);
  const [allUnits, setAllUnits] = useState(false);

  const options = [{ value: 0, label: t('allPlans') }, ...(plans.data ?? []).map((p) => ({ value: p.id, label: p.title }))];
  // A plan from a link the list does not offer (not published, or not one of the unit's) still shows.
  if (planId && !options.some((o) => o.value === planId)) options.push({ value: planId, label: t('planNumber', { id: planId }) });
  const planSelect = (
    <Select<number>
      data-testid="plan-select"
      value={planId ?? 0}
      options={options}
      loading={plans.isLoading}
      showSearch={{ optionFilterProp: 'label' }}
      style={{ width: 360, maxWidth: '100%' }}
      popupMatchSelectWidth={false}
      onChange={(id) => setParams(id ? { planId: String(id) } : {})}
      aria-label={t('plan')}
    />
  );

  let content;
  const data = dashboard.data;
  const unitsAll = data?.byUnit ?? NONE;
  const units = useMemo(() => (allUnits ? unitsAll : unitsAll.slice(0, UNITS_SHOWN)), [unitsAll, allUnits]);
  const districts = useMemo(() => (data?.byDistrict ?? []).filter((d) => isDistrictCode(d.districtCode)), [data]);
  if (dashboard.error && !data) {
    content = (
      <Alert
        type="error"
        showIcon
        title={tc('loadFailed')}
        description={(dashboard.error as Error).message}
        action={
          <Button size="small" onClick={() => void dashboard.refetch()}>
            {tc('retry')}
          </Button>
        }
      />
    );
  } else if (!data) {
    content = <Skeleton active paragraph={{ rows: 8 }} />;
  } else if (!planId && data.totals.plans === 0) {
    content = (
      <Empty
        data-testid="dashboard-empty"
        style={{ padding: '48px 0' }}
        description={
          <>
            <div>{t('noPlans')}</div>
            <Typography.Text type="secondary">{t('noPlansHint')}</Typography.Text>
          </>
        }
      >
        {can('plans:plan:list') ? (
          <Link to="/plans">
            <Button type="primary">{t('goToPlans')}</Button>
          </Link>
        ) : null}
      </Empty>
    );
  } else {
    content = (
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <StatCards data={data} planId={planId} />
        </Col>
        <Col xs={24} xl={16}>
          <Card
            title={<CardTitle title={t('byUnit')} hint={unitsAll.length >= 30 ? t('byUnitTop', { n: unitsAll.length }) : undefined} />}
            extra={
              unitsAll.length > UNITS_SHOWN ? (
                <Button type="link" size="small" onClick={() => setAllUnits((v) => !v)}>
                  {allUnits ? t('showTopUnits', { n: UNITS_SHOWN }) : t('showAllUnits', { n: unitsAll.length })}
                </Button>
              ) : null
            }
            style={{ height: '100%' }}
            data-testid="by-unit"
          >
            <UnitChart units={units} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('byStatus')} style={{ height: '100%' }}>
            <StatusChart byStatus={data.byStatus} />
          </Card>
        </Col>
        <Col span={24}>
          <Card title={t('byDistrict')} data-testid="by-district">
            {districts.length > 0 ? <DistrictChart districts={districts} /> : <Typography.Text type="secondary">{t('noDistrictTasks')}</Typography.Text>}
          </Card>
        </Col>
        {planId ? (
          <Col span={24}>
            <RoundsCard planId={planId} />
          </Col>
        ) : null}
        <Col span={24}>
          <Card title={<CardTitle title={t('indicators')} hint={t('indicatorsHint')} />} data-testid="indicators">
            <IndicatorTable
              indicators={data.indicators}
              showPlan={!planId}
              canEdit={can('plans:plan:update')}
              loading={dashboard.isFetching && dashboard.isPlaceholderData}
              onRecord={setRecording}
              onBaseline={setBaselineOf}
            />
          </Card>
        </Col>
      </Row>
    );
  }

  return (
    <PageContainer title={tc('dashboard')} description={t('description')} extra={data && !planId && data.totals.plans === 0 ? null : planSelect}>
      {content}
      <RecordValueModal indicator={recording} onClose={() => setRecording(null)} />
      <BaselineModal indicator={baselineOf} onClose={() => setBaselineOf(null)} />
    </PageContainer>
  );
}

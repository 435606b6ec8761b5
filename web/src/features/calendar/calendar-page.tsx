import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Empty, Row, Skeleton, Space, Statistic, Tabs, Tag, theme, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import type { CalendarDay } from '@contracts/calendar';
import { ExportButton } from '@/components/export-button';
import { PageContainer } from '@/components/page-container';
import { useAuth } from '@/lib/auth';
import { useDict } from '@/lib/dicts';
import { formatDateTime } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { useCalendarYear } from './api/get-calendar-year';
import { useCalendarYears } from './api/get-calendar-years';
import { DayForm } from './day-form';
import { DeadlineCalculator } from './deadline-calculator';
import { calendarStrings } from './i18n';
import { MonthGrid } from './month-grid';
import { YearForm, type YearFormMode } from './year-form';

export default function CalendarPage() {
  const t = useT(calendarStrings);
  const { can } = useAuth();
  const { token } = theme.useToken();
  const kinds = useDict('sys_day_kind');
  const years = useCalendarYears();
  const [selected, setSelected] = useState<number | null>(null);
  const [picked, setPicked] = useState<CalendarDay | null>(null);
  const [yearForm, setYearForm] = useState<YearFormMode | null>(null);
  const today = dayjs().format('YYYY-MM-DD');
  const loaded = useMemo(() => (years.data?.items ?? []).map((y) => y.year), [years.data]);
  // Default: this year when it is loaded, else the latest one.
  const year = selected !== null && loaded.includes(selected) ? selected : loaded.includes(dayjs().year()) ? dayjs().year() : (loaded.at(-1) ?? null);
  const detail = useCalendarYear(year);
  const mayEdit = can('system:calendar:update');
  const summary = detail.data?.year;
  // This year's notice, and from November next year's: deadlines of the coming weeks run into them.
  const expected = dayjs().month() >= 10 ? [dayjs().year(), dayjs().year() + 1] : [dayjs().year()];
  const missing = years.data ? expected.filter((y) => !loaded.includes(y)) : [];

  const months = useMemo(() => {
    const byMonth: CalendarDay[][] = Array.from({ length: 12 }, () => []);
    for (const d of detail.data?.days ?? []) byMonth[Number(d.date.slice(5, 7)) - 1]!.push(d);
    return byMonth;
  }, [detail.data]);

  return (
    <PageContainer
      title={t('title')}
      description={t('description')}
      extra={
        <>
          {year !== null ? <ExportButton url={`/api/system/calendar/years/${year}/export`} permission="system:calendar:export" /> : null}
          {mayEdit && detail.data ? (
            <Button icon={<ReloadOutlined />} onClick={() => setYearForm({ kind: 'reload', year: detail.data.year.year, source: detail.data.year.source, days: detail.data.days })}>
              {t('reloadYear')}
            </Button>
          ) : null}
          {mayEdit ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setYearForm({ kind: 'create', defaultYear: loaded.length ? Math.max(...loaded) + 1 : dayjs().year(), loadedYears: loaded })}>
              {t('addYear')}
            </Button>
          ) : null}
        </>
      }
    >
      {years.isLoading ? <Skeleton active /> : null}
      {years.data && loaded.length === 0 ? <Empty description={t('noYears')} style={{ marginBottom: 24 }} /> : null}
      {missing.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="missing-years"
          title={t('missingYears', { years: missing.join('、') })}
          description={t(mayEdit ? 'missingYearsHintAdmin' : 'missingYearsHint')}
        />
      ) : null}
      {loaded.length > 0 ? (
        <Tabs
          activeKey={String(year)}
          onChange={(k) => setSelected(Number(k))}
          items={loaded.map((y) => ({ key: String(y), label: t('yearTab', { year: y }) }))}
        />
      ) : null}
      <Row gutter={[24, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} xl={13}>
          {summary ? (
            <Space orientation="vertical" size={12} style={{ width: '100%' }}>
              <Row gutter={16}>
                <Col span={8}>
                  <Statistic title={t('workingDays')} value={summary.workingDays} suffix={t('daysUnit')} />
                </Col>
                <Col span={8}>
                  <Statistic title={t('holidays')} value={summary.holidays} suffix={t('daysUnit')} styles={{ content: { color: token.red6 } }} />
                </Col>
                <Col span={8}>
                  <Statistic title={t('adjustedWorkdays')} value={summary.adjustedWorkdays} suffix={t('daysUnit')} styles={{ content: { color: token.orange6 } }} />
                </Col>
              </Row>
              <div>
                <Typography.Text type="secondary">{t('source')}</Typography.Text>
                <Typography.Text>{summary.source ?? t('noSource')}</Typography.Text>
                <br />
                <Typography.Text type="secondary">
                  {t('updatedAt')}
                  {formatDateTime(summary.updatedAt)}
                </Typography.Text>
              </div>
              <Space wrap size={[8, 8]}>
                <Typography.Text type="secondary">{t('legend')}</Typography.Text>
                {kinds.items.map((k) => (
                  <Tag key={k.value} color={k.color ?? undefined}>
                    {kinds.label(k.value)}
                    {k.value === 'holiday' ? ` · ${t('holidayMark')}` : k.value === 'adjusted_workday' ? ` · ${t('adjustedMark')}` : ''}
                  </Tag>
                ))}
                <Tag style={{ borderColor: token.colorPrimary, boxShadow: `0 0 0 1px ${token.colorPrimary}` }}>{t('today')}</Tag>
                {mayEdit ? <Typography.Text type="secondary">{t('clickToEdit')}</Typography.Text> : null}
              </Space>
            </Space>
          ) : detail.isLoading ? (
            <Skeleton active />
          ) : null}
        </Col>
        <Col xs={24} xl={11}>
          <DeadlineCalculator />
        </Col>
      </Row>
      {detail.data ? (
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(250px, 1fr))', gap: 16 }}>
          {months.map((days, i) => (
            <MonthGrid key={i} month={i + 1} days={days} today={today} onPick={mayEdit ? setPicked : undefined} />
          ))}
        </div>
      ) : null}
      {picked ? <DayForm day={picked} onClose={() => setPicked(null)} /> : null}
      {yearForm ? <YearForm mode={yearForm} onClose={() => setYearForm(null)} onSaved={setSelected} /> : null}
    </PageContainer>
  );
}

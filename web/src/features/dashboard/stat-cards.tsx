import { Card, Col, Row, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Dashboard } from '@contracts/plans';
import { withQuery } from '@/lib/api-client';
import { useT } from '@/lib/i18n';
import { dashboardStrings } from './i18n';

function StatCard({ testId, title, value, note, link, danger }: { testId: string; title: string; value: number; note: ReactNode; link: string; danger?: boolean }) {
  return (
    <Col xs={24} sm={12} xl={6}>
      <Link to={link} data-testid={testId} style={{ display: 'block', height: '100%' }}>
        <Card hoverable size="small" style={{ height: '100%' }} styles={{ body: { padding: '16px 20px' } }}>
          <Statistic title={title} value={value} styles={{ content: danger && value > 0 ? { color: '#cf1322' } : undefined }} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {note}
          </Typography.Text>
        </Card>
      </Link>
    </Col>
  );
}

/** 任务总数, 已完成 (完成率), 逾期 and 待审核报告, each opening the matching task list. */
export function StatCards({ data, planId }: { data: Dashboard; planId: number | undefined }) {
  const t = useT(dashboardStrings);
  const { totals } = data;
  const rate = totals.tasks === 0 ? 0 : Math.round((totals.completed / totals.tasks) * 1000) / 10;
  // The server counts reports to review over every plan; for one plan, its tasks awaiting review
  // are the same number (a task has at most one report awaiting review).
  const awaiting = planId ? (data.byStatus.find((s) => s.status === 'submitted')?.count ?? 0) : totals.awaitingReview;
  const tasks = (filter: Record<string, string>) => withQuery('/tasks', { planId, ...filter });
  return (
    <Row gutter={[16, 16]}>
      <StatCard testId="stat-tasks" title={t('totalTasks')} value={totals.tasks} note={t('inPlans', { n: totals.plans })} link={tasks({})} />
      <StatCard testId="stat-completed" title={t('completed')} value={totals.completed} note={t('completionRate', { rate })} link={tasks({ status: 'completed' })} />
      <StatCard testId="stat-overdue" title={t('overdue')} value={totals.overdue} note={t('overdueHint')} link={tasks({ due: 'overdue' })} danger />
      <StatCard testId="stat-review" title={t('awaitingReview')} value={awaiting} note={t('awaitingReviewHint')} link={tasks({ status: 'submitted' })} />
    </Row>
  );
}

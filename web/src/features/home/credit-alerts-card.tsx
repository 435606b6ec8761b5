import { Alert, Card, Col, Row, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { useAuth } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { useListAlerts, useRepairAlerts } from './api/get-credit-alerts';
import { homeStrings } from './i18n';

const red = (n: number) => (n > 0 ? { content: { color: '#cf1322' } } : undefined);

/**
 * 信用期限提醒 on the home page: the statutory clocks of the lists and of repair applications that
 * have run out or are about to (the "missed steps are flagged on the dashboard"). Each
 * figure links to the page where the step is taken.
 */
export function CreditAlertsCard() {
  const t = useT(homeStrings);
  const { can } = useAuth();
  const lists = useListAlerts(can('credit:list:list'));
  const repairs = useRepairAlerts(can('credit:repair:handle'));
  const error = lists.error ?? repairs.error;
  return (
    <Card title={t('creditDeadlines')} data-testid="home-credit-alerts" loading={lists.isLoading || repairs.isLoading}>
      {error ? <Alert type="error" showIcon title={(error as Error).message} /> : null}
      <Row gutter={[16, 16]}>
        {lists.data ? (
          <>
            <Col xs={12} md={6}>
              <Link to="/credit/overview">
                <Statistic title={t('listStepsOverdue')} value={lists.data.overdue} styles={red(lists.data.overdue)} />
              </Link>
            </Col>
            <Col xs={12} md={6}>
              <Link to="/credit/overview">
                <Statistic title={t('listStepsDueSoon')} value={lists.data.dueSoon} />
              </Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('listStepsMissed', { n: lists.data.missed })}
              </Typography.Text>
            </Col>
            {can('credit:list:approve') ? (
              <Col xs={12} md={6}>
                <Link to="/credit/lists?status=pending_approval" data-testid="home-awaiting-approval">
                  <Statistic title={t('listsAwaitingApproval')} value={lists.data.awaitingApproval} styles={lists.data.awaitingApproval > 0 ? { content: { color: '#d46b08' } } : undefined} />
                </Link>
              </Col>
            ) : null}
          </>
        ) : null}
        {repairs.data ? (
          <>
            <Col xs={12} md={6}>
              <Link to="/credit/repairs">
                <Statistic title={t('repairStepsOverdue')} value={repairs.data.total} styles={red(repairs.data.total)} />
              </Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('repairStepsDetail', { accept: repairs.data.acceptOverdue, decide: repairs.data.decideOverdue, stop: repairs.data.stopOverdue })}
              </Typography.Text>
            </Col>
            <Col xs={12} md={6}>
              <Link to="/credit/repairs">
                <Statistic title={t('repairStepsDueSoon')} value={repairs.data.dueSoon} />
              </Link>
            </Col>
          </>
        ) : null}
      </Row>
    </Card>
  );
}

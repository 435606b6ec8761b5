import { Card, Col, Row, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { useT } from '@/lib/i18n';
import { useReviewQueueCount } from './api/get-review-queue';
import { homeStrings } from './i18n';

/** 企业报送审核: what enterprises want published and nobody has reviewed yet, in the officer's scope. */
export function ReviewQueueCard() {
  const t = useT(homeStrings);
  const count = useReviewQueueCount(true);
  const n = count.data ?? 0;
  return (
    <Card title={t('reviewQueue')} loading={count.isLoading} data-testid="home-review-queue" extra={<Link to="/submissions">{t('reviewNow')}</Link>}>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Link to="/submissions">
            <Statistic title={t('reviewQueuePending')} value={n} styles={n > 0 ? { content: { color: '#d46b08' } } : undefined} />
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('reviewQueueHint')}
          </Typography.Text>
        </Col>
      </Row>
    </Card>
  );
}

import { Card, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { useT } from '@/lib/i18n';
import { useReviewQueueCount } from './api/get-review-queue';
import { homeStrings } from './i18n';

/** 企业报送待审核: what enterprises want published and nobody has reviewed yet, in the officer's scope. */
export function ReviewQueueCard() {
  const t = useT(homeStrings);
  const count = useReviewQueueCount(true);
  const n = count.data ?? 0;
  return (
    <Card title={t('reviewQueue')} loading={count.isLoading} data-testid="home-review-queue">
      <Link to="/submissions">
        <Statistic title={t('reviewQueuePending')} value={n} styles={n > 0 ? { content: { color: '#d46b08' } } : undefined} />
      </Link>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('reviewQueueHint')}
      </Typography.Text>
    </Card>
  );
}

import { Alert, Spin, Typography } from 'antd';
import { useAuth } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { useEntities } from './api/get-entities';
import { EntityView } from './entity-view';
import { entityStrings } from './i18n';

/**
 * 本企业信用档案: the enterprise user's own entity. The session names the USCC; a user without one
 * falls back to the registry search, whose data scope returns only the user's own entity.
 */
export default function MyEnterprisePage() {
  const t = useT(entityStrings);
  const tc = useT(common);
  const { me } = useAuth();
  const own = me?.user.enterpriseUscc ?? null;
  const found = useEntities({ page: 1, pageSize: 1 }, own === null);
  const uscc = own ?? found.data?.items[0]?.uscc ?? null;

  return (
    <div style={{ padding: 24 }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {tc('myEnterprise')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('myDescription')}</Typography.Paragraph>
      {uscc ? <EntityView uscc={uscc} enterprise /> : found.isLoading ? <Spin /> : <Alert type="warning" showIcon title={t('notFound')} />}
    </div>
  );
}

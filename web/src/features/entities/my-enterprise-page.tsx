import { Alert, Card, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { useAuth } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { EntityView } from './entity-view';
import { entityStrings } from './i18n';
import { ListsTab } from './lists-tab';

/**
 * 本企业信用档案: the enterprise user's own entity, named by the session's USCC. An account linked
 * to no enterprise (an officer or administrator, whose permissions include this page) is told so
 * rather than shown some entity of the registry as "its own".
 * Below the archive, the enterprise's own credit-list entries with what it may do about them
 * (提出异议, 申请信用修复): the entity view keeps its lists tab for officers.
 */
export default function MyEnterprisePage() {
  const t = useT(entityStrings);
  const tc = useT(common);
  const { me, can } = useAuth();
  const uscc = me?.user.enterpriseUscc ?? null;

  return (
    <div style={{ padding: 24 }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {tc('myEnterprise')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('myDescription')}</Typography.Paragraph>
      {uscc ? (
        <Space orientation="vertical" style={{ width: '100%' }} size="middle">
          <EntityView uscc={uscc} enterprise />
          {can('credit:evaluation:list') ? (
            <Card variant="borderless" title={t('myListsTitle')} data-testid="my-lists">
              <Typography.Paragraph type="secondary">
                {t('myListsHint')} <Link to="/credit/repairs?kind=objection">{t('myApplications')}</Link>
              </Typography.Paragraph>
              <ListsTab uscc={uscc} enterprise />
            </Card>
          ) : null}
        </Space>
      ) : (
        <Alert type="info" showIcon title={t('noEnterprise')} description={t('noEnterpriseHint')} data-testid="no-enterprise" />
      )}
    </div>
  );
}

import { Alert, Card, Empty, Result, Space, Spin, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useAuth } from '@/lib/auth';
import { ApiError } from '@/lib/api-client';
import { DictTag } from '@/lib/dicts';
import { useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { useEntity } from './api/get-entity';
import { ArchiveTab, type RecordFocus } from './archive-tab';
import { BasicTab } from './basic-tab';
import { GradeTag, MissingOfficerIcon, RiskTag } from './entity-tags';
import { EvaluationTab } from './evaluation-tab';
import { entityStrings } from './i18n';
import { LicencesTab } from './licences-tab';
import { ListsTab } from './lists-tab';
import { ProductsTab } from './products-tab';
import { ReportButton } from './report-button';

/**
 * One entity: a header (name, USCC, status, grade, risk class when permitted, flags) and tabs.
 * `enterprise`: the enterprise's own view — read-only except its declarations and commitments,
 * and never the risk class (the API sends none to enterprises; the header does not ask either).
 */
export function EntityView({ uscc, enterprise = false }: { uscc: string; enterprise?: boolean }) {
  const t = useT(entityStrings);
  const tc = useT(common);
  const { can } = useAuth();
  const entity = useEntity(uscc);
  const [tab, setTab] = useState('basic');
  const [focus, setFocus] = useState<RecordFocus | null>(null);

  if (entity.isLoading) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (entity.isError) {
    const err = entity.error;
    const missing = err instanceof ApiError && (err.status === 404 || err.status === 403);
    return missing ? <Result status="404" title={t('notFound')} /> : <Alert type="error" showIcon title={tc('loadFailed')} description={err.message} />;
  }
  const e = entity.data;
  if (!e) return <Empty />;

  const tabs = [
    { key: 'basic', label: t('tabBasic'), children: <BasicTab entity={e} readOnly={enterprise} onConflict={() => void entity.refetch()} /> },
    { key: 'products', label: `${t('tabProducts')} (${e.products.length})`, children: <ProductsTab entity={e} readOnly={enterprise} /> },
    { key: 'licences', label: `${t('tabLicences')} (${e.licences.length})`, children: <LicencesTab entity={e} readOnly={enterprise} /> },
    ...(can('entities:record:list') ? [{ key: 'archive', label: t('tabArchive'), children: <ArchiveTab key={focus ? `record-${focus.id}` : 'all'} uscc={e.uscc} enterprise={enterprise} focus={focus} /> }] : []),
    ...(can('credit:evaluation:list')
      ? [
          {
            key: 'evaluation',
            label: t('tabEvaluation'),
            children: (
              <EvaluationTab
                uscc={e.uscc}
                onOpenRecord={(f) => {
                  setFocus(f);
                  setTab('archive');
                }}
              />
            ),
          },
        ]
      : []),
    ...(!enterprise && can('credit:list:list') ? [{ key: 'lists', label: t('tabLists'), children: <ListsTab uscc={e.uscc} /> }] : []),
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card variant="borderless">
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          <Space size={12} wrap align="center">
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="entity-name">
              {e.name}
            </Typography.Title>
            <DictTag type="ent_status" value={e.status} />
            <Typography.Text type="secondary" data-testid="entity-grade">
              {t('grade')}：<GradeTag grade={e.grade} />
            </Typography.Text>
            {!enterprise && e.riskClass ? (
              <Typography.Text type="secondary">
                {t('riskClass')}：<RiskTag riskClass={e.riskClass} />
              </Typography.Text>
            ) : null}
            {e.missingOfficer ? <MissingOfficerIcon /> : null}
            <ReportButton uscc={e.uscc} enterprise={enterprise} />
          </Space>
          <Space size={24} wrap>
            <Typography.Text type="secondary">
              {t('uscc')}：<Typography.Text copyable style={{ fontFamily: 'monospace' }}>{e.uscc}</Typography.Text>
            </Typography.Text>
            <Typography.Text type="secondary">
              {t('district')}：{e.districtName ?? e.districtCode}
            </Typography.Text>
            <Typography.Text type="secondary">
              {t('industry')}：{e.industryName}
            </Typography.Text>
            {e.formerNames.length ? (
              <Typography.Text type="secondary">
                {t('formerNames')}：{e.formerNames.join('、')}
              </Typography.Text>
            ) : null}
          </Space>
          {e.flags.map((f) => (
            <Alert key={f.code} type="warning" showIcon title={f.message} />
          ))}
        </Space>
      </Card>
      <Card variant="borderless">
        <Tabs activeKey={tab} onChange={(k) => setTab(k)} items={tabs} destroyOnHidden={false} />
      </Card>
    </Space>
  );
}

import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { EntitySummary } from '@contracts/entities';
import { ExportButton } from '@/components/export-button';
import { ImportModal } from '@/components/import-modal';
import { PageContainer } from '@/components/page-container';
import { useAuth } from '@/lib/auth';
import { DictTag } from '@/lib/dicts';
import { useT } from '@/lib/i18n';
import { usePagedFilter } from '@/lib/use-paging';
import { common } from '@/locales/common';
import { useDistricts } from './api/get-districts';
import { useEntities, type EntityFilter } from './api/get-entities';
import { EntityForm } from './entity-form';
import { EntitySearch } from './entity-search';
import { GradeTag, MissingOfficerIcon, RiskTag } from './entity-tags';
import { entityStrings } from './i18n';

function filterFromLink(params: URLSearchParams): EntityFilter {
  const f: EntityFilter = {};
  const grade = params.get('grade');
  const risk = params.get('riskClass');
  if (grade) f.grade = grade;
  if (risk) f.riskClass = risk;
  if (params.get('missingOfficer') === 'true') f.missingOfficer = 'true';
  return f;
}

export default function EntitiesPage() {
  const t = useT(entityStrings);
  const tc = useT(common);
  const { can } = useAuth();
  const qc = useQueryClient();
  const navigate = useNavigate();
  // A link may open the registry filtered (the home page's 本辖区 figures): ?grade=D, ?riskClass=D, ?missingOfficer=true.
  const [params] = useSearchParams();
  const { filter, search, paging } = usePagedFilter<EntityFilter>(filterFromLink(params));
  const entities = useEntities({ ...filter, page: paging.page, pageSize: paging.pageSize });
  const districts = useDistricts().data?.items ?? [];
  const [formOpen, setFormOpen] = useState(false);
  const [importOpen, setImportOpen] = useState(false);
  const showRisk = can('credit:risk:list');
  const total = entities.data?.total ?? 0;
  const capped = entities.data?.capped ?? false;
  const near = entities.data?.near ?? false;

  return (
    <PageContainer
      title={tc('entities')}
      description={t('description')}
      extra={
        <>
          <ExportButton url="/api/entities/export" query={{ ...filter }} permission="entities:entity:export" />
          {can('entities:entity:import') ? (
            <Button icon={<UploadOutlined />} onClick={() => setImportOpen(true)}>
              {tc('import')}
            </Button>
          ) : null}
          {can('entities:entity:create') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormOpen(true)}>
              {t('register')}
            </Button>
          ) : null}
        </>
      }
    >
      <EntitySearch districts={districts} onSearch={search} initial={filter} />
      {capped ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('capped', { total: total.toLocaleString() })} /> : null}
      {near ? <Alert type="warning" showIcon data-testid="near-matches" style={{ marginBottom: 12 }} title={t('near', { keyword: filter.keyword ?? '', total })} /> : null}
      <Table<EntitySummary>
        rowKey="uscc"
        size="middle"
        loading={entities.isFetching}
        dataSource={entities.data?.items ?? []}
        pagination={{ ...paging.pagination(total), ...(capped ? { showTotal: () => t('cappedTotal', { total: total.toLocaleString() }) } : {}) }}
        scroll={{ x: 1100 }}
        columns={[
          {
            title: t('name'),
            key: 'name',
            width: 260,
            render: (_: unknown, e: EntitySummary) => (
              <div>
                <Space size={6}>
                  <Link to={`/entities/${e.uscc}`}>{e.name}</Link>
                  {e.missingOfficer ? <MissingOfficerIcon /> : null}
                </Space>
                {e.matchedName && e.matchedName !== e.name ? (
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('formerNameOf', { name: e.matchedName })}
                    </Typography.Text>
                  </div>
                ) : null}
              </div>
            ),
          },
          { title: t('uscc'), dataIndex: 'uscc', width: 200, render: (v: string) => <Typography.Text copyable style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{v}</Typography.Text> },
          { title: t('district'), dataIndex: 'districtName', width: 90, render: (v: string | null, e: EntitySummary) => v ?? e.districtCode },
          { title: t('industry'), dataIndex: 'industryName', ellipsis: { showTitle: true } },
          { title: t('entityType'), dataIndex: 'entityType', width: 100, render: (v: string) => <DictTag type="ent_type" value={v} /> },
          { title: t('status'), dataIndex: 'status', width: 80, render: (v: string) => <DictTag type="ent_status" value={v} /> },
          { title: t('grade'), dataIndex: 'grade', width: 135, render: (v: string | null) => <GradeTag grade={v} /> },
          ...(showRisk ? [{ title: t('riskClass'), dataIndex: 'riskClass', width: 155, render: (v: string | null) => <RiskTag riskClass={v} /> }] : []),
        ]}
      />
      <EntityForm open={formOpen} editing={null} districts={districts} onClose={() => setFormOpen(false)} onSaved={(e) => void navigate(`/entities/${e.uscc}`)} />
      <ImportModal
        open={importOpen}
        onClose={() => setImportOpen(false)}
        uploadUrl="/api/entities/import"
        templateUrl="/api/entities/import/template"
        onImported={() => void qc.invalidateQueries({ queryKey: ['entities', 'list'] })}
      />
    </PageContainer>
  );
}

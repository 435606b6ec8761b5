import { FileTextOutlined, UploadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { ExportButton } from '@/components/export-button';
import { PageContainer } from '@/components/page-container';
import { useAuth } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { usePagedFilter } from '@/lib/use-paging';
import { common } from '@/locales/common';
import { usePlans, type PlanFilter } from './api/get-plans';
import { planStrings } from './i18n';
import { ImportFileModal } from './import-file-modal';
import { PasteTextModal } from './paste-text-modal';
import { PlanSearch } from './plan-search';
import { PlanTable } from './plan-table';

export default function PlansPage() {
  const t = useT(planStrings);
  const tc = useT(common);
  const { can } = useAuth();
  const { filter, search, paging } = usePagedFilter<PlanFilter>();
  const plans = usePlans({ ...filter, page: paging.page, pageSize: paging.pageSize });
  const [fileOpen, setFileOpen] = useState(false);
  const [pasteOpen, setPasteOpen] = useState(false);

  return (
    <PageContainer
      title={tc('plans')}
      description={t('description')}
      extra={
        <>
          {/* The plan list exports what it shows, like every list (the server had the route, the page no button). */}
          <ExportButton url="/api/plans/export" query={{ ...filter }} permission="plans:plan:list" />
          {can('plans:plan:import') ? (
            <>
              <Button icon={<FileTextOutlined />} onClick={() => setPasteOpen(true)}>
                {t('pasteText')}
              </Button>
              <Button type="primary" icon={<UploadOutlined />} onClick={() => setFileOpen(true)}>
                {t('importFile')}
              </Button>
            </>
          ) : null}
        </>
      }
    >
      <PlanSearch onSearch={search} onReset={() => search({})} />
      <PlanTable plans={plans.data?.items ?? []} loading={plans.isFetching} pagination={paging.pagination(plans.data?.total ?? 0)} />
      <ImportFileModal open={fileOpen} onClose={() => setFileOpen(false)} />
      <PasteTextModal open={pasteOpen} onClose={() => setPasteOpen(false)} />
    </PageContainer>
  );
}

import { CalculatorOutlined, DownloadOutlined, FileWordOutlined, SendOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Empty, Popconfirm, Select, Skeleton, Space, Tabs, Tooltip, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ImportModal } from '@/components/import-modal';
import { PageContainer } from '@/components/page-container';
import { useNotifyError } from '@/components/use-notify';
import { api } from '@/lib/api-client';
import { useAuth } from '@/lib/auth';
import { DictTag } from '@/lib/dicts';
import { formatDateTime } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { useInputs } from './api/get-inputs';
import { useResults } from './api/get-results';
import { useScheme } from './api/get-scheme';
import { useSchemes } from './api/get-schemes';
import { invalidateAssessment } from './api/invalidate';
import { usePublishScheme } from './api/publish-scheme';
import { useScoreScheme } from './api/score-scheme';
import { assessmentStrings } from './i18n';
import { InputGrid } from './input-grid';
import { ResultDrawer, ResultsTable } from './results-table';

function positiveInt(value: string | null): number | null {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** A download button that shows the server's error if the file cannot be made. */
function DownloadButton({ url, icon, label, testId }: { url: string; icon: React.ReactNode; label: string; testId: string }) {
  const notify = useNotifyError();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      icon={icon}
      loading={busy}
      data-testid={testId}
      onClick={async () => {
        setBusy(true);
        try {
          await api.download(url);
        } catch (err) {
          notify(err);
        } finally {
          setBusy(false);
        }
      }}
    >
      {label}
    </Button>
  );
}

/** 考核评分: enter figures per unit (grid or Excel), score and rank, publish, export the ranking and the 通报. */
export default function ScoringPage() {
  const t = useT(assessmentStrings);
  const tc = useT(common);
  const { can } = useAuth();
  const { message, modal } = App.useApp();
  const notify = useNotifyError();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const schemeId = positiveInt(params.get('schemeId'));
  const schemes = useSchemes({ page: 1, pageSize: 200 });
  const scheme = useScheme(schemeId);
  const inputs = useInputs(schemeId);
  const results = useResults(schemeId);
  const score = useScoreScheme(schemeId ?? 0);
  const publish = usePublishScheme(schemeId ?? 0);
  const [tab, setTab] = useState<string | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const [importOpen, setImportOpen] = useState(false);
  const [dirty, setDirty] = useState(0);
  const onDirtyChange = useCallback((n: number) => setDirty(n), []);

  // Without a choice, open the most recent scheme.
  useEffect(() => {
    const first = schemes.data?.items[0];
    if (schemeId === null && first) setParams({ schemeId: String(first.id) }, { replace: true });
  }, [schemeId, schemes.data, setParams]);

  const s = scheme.data;
  const resultItems = results.data?.items ?? [];
  const activeTab = tab ?? (s?.status === 'published' || (s?.scoredAt && s.scored) ? 'results' : 'inputs');
  const opened = resultItems.find((r) => r.id === openId) ?? null;

  const runScore = async () => {
    if (dirty > 0) {
      message.warning(t('saveBeforeScore'));
      return;
    }
    try {
      const r = await score.mutateAsync();
      message.success(t('scored', { n: r.units }));
      if (r.missingInputs.length > 0) {
        const list = r.missingInputs.slice(0, 8).map((m) => `${m.deptName}·${m.indicator}`).join('、');
        modal.warning({ title: t('missingInputs', { n: r.missingInputs.length, list: r.missingInputs.length > 8 ? `${list} …` : list }) });
      }
      setTab('results');
    } catch (err) {
      notify(err);
    }
  };

  const runPublish = async () => {
    try {
      await publish.mutateAsync();
      message.success(t('published'));
      setTab('results');
    } catch (err) {
      notify(err);
    }
  };

  return (
    <PageContainer
      title={tc('assessmentScoring')}
      description={t('scoringDescription')}
      extra={
        <Select
          style={{ width: 360 }}
          placeholder={t('chooseScheme')}
          value={schemeId ?? undefined}
          loading={schemes.isLoading}
          showSearch={{ optionFilterProp: 'label' }}
          onChange={(id: number) => {
            setParams({ schemeId: String(id) });
            setTab(null);
            setOpenId(null);
          }}
          options={(schemes.data?.items ?? []).map((x) => ({ value: x.id, label: `${x.name}` }))}
          data-testid="scheme-select"
        />
      }
    >
      {schemeId === null ? (
        <Empty description={t('noSchemeChosen')} />
      ) : !s || !inputs.data ? (
        <Skeleton active />
      ) : (
        <>
          <Descriptions
            size="small"
            column={3}
            items={[
              { key: 'name', label: t('name'), span: 2, children: <Typography.Text strong>{s.name}</Typography.Text> },
              { key: 'status', label: tc('status'), children: <DictTag type="assessment_scheme_status" value={s.status} /> },
              { key: 'kind', label: t('targetKind'), children: <DictTag type="assessment_target_kind" value={s.targetKind} /> },
              { key: 'units', label: t('units'), children: t('unitCount', { n: s.units.length }) },
              { key: 'scored', label: t('scoredAt'), children: s.scoredAt ? (s.scored || s.status === 'published' ? formatDateTime(s.scoredAt) : t('stale')) : t('notScored') },
              { key: 'weights', label: t('indicators'), span: 3, children: s.indicators.map((i) => `${i.name} ${i.weight}%`).join('；') },
            ]}
          />
          <Space wrap style={{ margin: '12px 0 16px' }}>
            {can('assessment:input:import') && s.status !== 'published' ? (
              <Button icon={<UploadOutlined />} onClick={() => setImportOpen(true)} data-testid="import-inputs">
                {t('importInputs')}
              </Button>
            ) : null}
            {can('assessment:result:score') && s.status !== 'published' ? (
              <Button type="primary" icon={<CalculatorOutlined />} loading={score.isPending} onClick={() => void runScore()} data-testid="score">
                {t('score')}
              </Button>
            ) : null}
            {can('assessment:result:publish') && s.status !== 'published' ? (
              <Tooltip title={s.scored ? null : t('publishNeedsScore')}>
                <Popconfirm title={t('publishConfirm')} okText={t('publish')} cancelText={tc('cancel')} onConfirm={runPublish} disabled={!s.scored}>
                  <Button icon={<SendOutlined />} disabled={!s.scored} loading={publish.isPending} data-testid="publish">
                    {t('publish')}
                  </Button>
                </Popconfirm>
              </Tooltip>
            ) : null}
            {can('assessment:result:export') && s.scored ? (
              <>
                <DownloadButton url={`/api/assessment/schemes/${s.id}/results/export`} icon={<DownloadOutlined />} label={t('exportExcel')} testId="export-results" />
                <DownloadButton url={`/api/assessment/schemes/${s.id}/notice`} icon={<FileWordOutlined />} label={t('downloadNotice')} testId="download-notice" />
              </>
            ) : null}
          </Space>
          {s.status === 'published' ? <Alert type="success" showIcon title={t('publishedHint', { time: formatDateTime(s.publishedAt), docNumber: s.docNumber ?? '—' })} style={{ marginBottom: 12 }} /> : null}
          {s.scoredAt && !s.scored && s.status !== 'published' ? <Alert type="warning" showIcon title={t('staleResults')} style={{ marginBottom: 12 }} /> : null}
          <Tabs
            activeKey={activeTab}
            onChange={setTab}
            items={[
              { key: 'inputs', label: t('tabInputs'), children: <InputGrid key={s.id} scheme={s} inputs={inputs.data} onDirtyChange={onDirtyChange} /> },
              {
                key: 'results',
                label: t('tabResults'),
                children: <ResultsTable scheme={s} results={resultItems} loading={results.isFetching} onOpen={(r) => setOpenId(r.id)} />,
              },
            ]}
          />
          <ResultDrawer scheme={s} result={opened} onClose={() => setOpenId(null)} />
          <ImportModal
            open={importOpen}
            onClose={() => setImportOpen(false)}
            uploadUrl={`/api/assessment/schemes/${s.id}/inputs/import`}
            templateUrl={`/api/assessment/schemes/${s.id}/inputs/template`}
            allowSkipInvalid={false}
            onImported={(r) => {
              if (r.inserted + r.updated > 0) message.success(t('imported'));
              void invalidateAssessment(qc);
            }}
          />
        </>
      )}
    </PageContainer>
  );
}

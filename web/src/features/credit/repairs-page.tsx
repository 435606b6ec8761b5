/**
 * 信用修复与异议: one page, two kinds of application with the same steps — credit repair and
 * objections to abnormal-list listings — switched by tabs. Officers accept and decide against the
 * statutory deadlines; enterprises apply and follow their own.
 *
 * The URL carries the state so other pages can link in: `kind`, the filter, `id` (open that
 * application) and `apply` (open the form on that list entry, from the enterprise's list view).
 */
import { PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Checkbox, Form, Input, Select, Space, Table, Tabs, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { APPLICATION_KINDS, APPLICATION_STATUSES, type Application, type ApplicationKind, type ApplicationStatus } from '@contracts/credit-repair';
import { PageContainer } from '@/components/page-container';
import { SearchActions } from '@/components/search-actions';
import { useAuth } from '@/lib/auth';
import { useDict } from '@/lib/dicts';
import { useT } from '@/lib/i18n';
import { usePaging } from '@/lib/use-paging';
import { common } from '@/locales/common';
import { useApplications, type ApplicationFilter } from './api/applications';
import { ApplicationApplyModal } from './application-apply-modal';
import { AppStatus, ApplicationDrawer, KIND_WORDS, pendingSteps, statusKey } from './application-drawer';
import { StepDeadline } from './display';
import { creditStrings, type CreditKey } from './i18n';

const NEW_BUTTON: Record<ApplicationKind, CreditKey> = { repair: 'applyRepair', objection: 'lodgeObjection' };

function positiveInt(v: string | null): number | null {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** The officer's count of overdue steps on a tab, so objections waiting on the other tab are not missed. */
function KindLabel({ kind, officer }: { kind: ApplicationKind; officer: boolean }) {
  const t = useT(creditStrings);
  const overdue = useApplications(kind, { overdue: 'true', page: 1, pageSize: 1 }, officer);
  const n = officer ? (overdue.data?.total ?? 0) : 0;
  return (
    <Space size={6}>
      {t(`kind_${kind}`)}
      {n > 0 ? <Badge count={t('kindOverdue', { n })} style={{ backgroundColor: '#cf1322' }} /> : null}
    </Space>
  );
}

export default function RepairsPage() {
  const t = useT(creditStrings);
  const tc = useT(common);
  const { can, me } = useAuth();
  const lists = useDict('credit_list');
  const [params, setParams] = useSearchParams();
  const officer = can('credit:repair:handle');
  // Applying is the enterprise's own act: the account must be linked to its USCC.
  const applicant = can('credit:repair:apply') && !!me?.user.enterpriseUscc;
  const kind: ApplicationKind = APPLICATION_KINDS.includes(params.get('kind') as ApplicationKind) ? (params.get('kind') as ApplicationKind) : 'repair';
  const filter: ApplicationFilter = {
    status: APPLICATION_STATUSES.includes(params.get('status') as ApplicationStatus) ? (params.get('status') as ApplicationStatus) : undefined,
    uscc: params.get('uscc') ?? undefined,
    overdue: params.get('overdue') === 'true' ? 'true' : undefined,
  };
  const view = positiveInt(params.get('id'));
  const applyEntry = positiveInt(params.get('apply'));
  const applyOpen = applicant && params.has('apply');
  const paging = usePaging();
  const apps = useApplications(kind, { ...filter, page: paging.page, pageSize: paging.pageSize });

  /** Change some URL parameters, keeping the others. */
  const patch = (next: Record<string, string | undefined>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    setParams(p, { replace: true });
  };
  const search = (f: ApplicationFilter) => {
    setParams({ ...(kind === 'repair' ? {} : { kind }), ...(Object.fromEntries(Object.entries(f).filter(([, v]) => v)) as Record<string, string>) }, { replace: true });
    paging.reset();
  };
  const switchKind = (k: string) => {
    setParams(k === 'repair' ? {} : { kind: k }, { replace: true });
    paging.reset();
  };
  const words = KIND_WORDS[kind];
  const isRepair = kind === 'repair';
  const pendingText = (a: Application, step: 'decide' | 'stop') => {
    const key = pendingSteps(kind, a)[step];
    return key && t(key);
  };
  const description = isRepair ? (officer ? t('repairsDescription') : t('repairsDescriptionEnterprise')) : officer ? t('objectionsDescription') : t('objectionsDescriptionEnterprise');

  return (
    <PageContainer
      title={t('applicationsTitle')}
      description={
        <>
          {description}
          {applicant ? (
            <>
              {' '}
              <Link to="/my-enterprise">{t('seeMyEntries')}</Link>
            </>
          ) : null}
        </>
      }
      extra={
        applicant ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => patch({ apply: 'new' })}>
            {t(NEW_BUTTON[kind])}
          </Button>
        ) : null
      }
    >
      <Tabs activeKey={kind} onChange={switchKind} items={APPLICATION_KINDS.map((k) => ({ key: k, label: <KindLabel kind={k} officer={officer} /> }))} />
      <Form
        key={kind}
        name={`${kind}-search`}
        layout="inline"
        style={{ marginBottom: 16, rowGap: 8 }}
        initialValues={{ ...filter, overdue: filter.overdue === 'true' }}
        onFinish={(v: { status?: ApplicationStatus; uscc?: string; overdue?: boolean }) => search({ status: v.status, uscc: v.uscc?.trim() || undefined, overdue: v.overdue ? 'true' : undefined })}
      >
        <Form.Item name="status" label={t('status')}>
          <Select allowClear style={{ width: 130 }} placeholder={tc('all')} options={APPLICATION_STATUSES.map((s) => ({ value: s, label: t(statusKey(kind, s)) }))} />
        </Form.Item>
        {officer ? (
          <>
            <Form.Item name="uscc" label={t('uscc')}>
              <Input allowClear maxLength={18} style={{ width: 210 }} />
            </Form.Item>
            <Form.Item name="overdue" valuePropName="checked">
              <Checkbox>{t('overdueOnly')}</Checkbox>
            </Form.Item>
          </>
        ) : null}
        <SearchActions onReset={() => search({})} />
      </Form>
      <Table<Application>
        rowKey="id"
        size="middle"
        loading={apps.isFetching}
        dataSource={apps.data?.items ?? []}
        pagination={paging.pagination(apps.data?.total ?? 0)}
        scroll={{ x: isRepair ? 1180 : 930 }} // the columns' widths summed: less lets the fixed 操作 column cover the last header
        columns={[
          {
            title: t('entity'),
            key: 'entity',
            width: 220,
            render: (_: unknown, a) => (
              <div>
                <a onClick={() => patch({ id: String(a.id) })}>{a.entityName}</a>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace' }}>
                    {a.uscc}
                  </Typography.Text>
                </div>
              </div>
            ),
          },
          // Objections are all against the abnormal list: the column would say the same on every row.
          ...(isRepair
            ? [
                { title: t('list'), dataIndex: 'list', width: 140, render: (v: string) => lists.label(v) },
                { title: t('target'), dataIndex: 'target', width: 110, render: (v: string | null) => (v ? t(`tg_${v}` as CreditKey) : t('noDate')) },
              ]
            : []),
          { title: t('status'), dataIndex: 'status', width: 100, render: (v: string) => <AppStatus kind={kind} status={v} /> },
          { title: t('submittedOn'), dataIndex: 'submittedOn', width: 100 },
          { title: t('acceptBy'), key: 'accept', width: 140, render: (_: unknown, a) => <StepDeadline c={a.accept} /> },
          { title: t('decideBy'), key: 'decide', width: 140, render: (_: unknown, a) => <StepDeadline c={a.decide} pending={pendingText(a, 'decide')} /> },
          { title: t(words.stopBy), key: 'stop', width: 140, render: (_: unknown, a) => <StepDeadline c={a.stopPublication} pending={pendingText(a, 'stop')} /> },
          {
            title: tc('actions'),
            key: 'actions',
            width: 90,
            fixed: 'right',
            render: (_: unknown, a) => (
              <Button type="link" size="small" onClick={() => patch({ id: String(a.id) })}>
                {officer && a.status === 'submitted' ? t('accept') : officer && a.status === 'accepted' ? t('decide') : t('detail')}
              </Button>
            ),
          },
        ]}
      />
      <ApplicationDrawer kind={kind} id={view} onClose={() => patch({ id: undefined })} />
      <ApplicationApplyModal kind={kind} open={applyOpen} entryId={applyEntry} onClose={() => patch({ apply: undefined })} onApplied={(id) => patch({ apply: undefined, id: String(id) })} />
    </PageContainer>
  );
}

import { PaperClipOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Descriptions, Drawer, Form, Input, List, Modal, Radio, Select, Skeleton, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { APPLICATION_STATUSES, type Application, type ApplicationStatus } from '@contracts/credit-repair';
import { PageContainer } from '@/components/page-container';
import { SearchActions } from '@/components/search-actions';
import { useNotifyError } from '@/components/use-notify';
import { useAuth } from '@/lib/auth';
import { useDict } from '@/lib/dicts';
import { formatDateTime, formatSize } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { usePaging } from '@/lib/use-paging';
import { common } from '@/locales/common';
import { downloadRepairFile, useAcceptRepair, useAttachRepairFile, useDecideRepair, useRepair, useRepairs, type RepairFilter } from './api/repairs';
import { StepDeadline } from './display';
import { creditStrings, type CreditKey } from './i18n';
import { RepairApplyModal } from './repair-apply-modal';
import { RepairConditions } from './repair-conditions';

const STATUS_COLOURS: Record<string, string> = { submitted: 'gold', accepted: 'blue', not_accepted: 'default', approved: 'green', denied: 'red', withdrawn: 'default' };

function AppStatus({ status }: { status: string }) {
  const t = useT(creditStrings);
  return <Tag color={STATUS_COLOURS[status]}>{t(`as_${status}` as CreditKey)}</Tag>;
}

/** 受理 / 不予受理 and 准予 / 不予修复: one dialog, two steps. */
function HandleModal({ app, step, onClose }: { app: Application; step: 'accept' | 'decide'; onClose(): void }) {
  const t = useT(creditStrings);
  const tc = useT(common);
  const notify = useNotifyError();
  const { message } = App.useApp();
  const accept = useAcceptRepair();
  const decide = useDecideRepair();
  const [form] = Form.useForm<{ yes: boolean; comment?: string }>();
  const yes = Form.useWatch('yes', form) ?? true;
  const run = async (v: { yes: boolean; comment?: string }) => {
    try {
      if (step === 'accept') await accept.mutateAsync({ id: app.id, accept: v.yes, comment: v.comment?.trim() || undefined });
      else await decide.mutateAsync({ id: app.id, approve: v.yes, comment: v.comment!.trim() });
      message.success(tc('saved'));
      onClose();
    } catch (err) {
      notify(err);
    }
  };
  return (
    <Modal
      title={step === 'accept' ? t('accept') : t('decideTitle')}
      open
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={tc('ok')}
      confirmLoading={accept.isPending || decide.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name={`repair-${step}`} initialValues={{ yes: true }} onFinish={(v) => void run(v)}>
        <Form.Item name="yes">
          <Radio.Group
            options={
              step === 'accept'
                ? [
                    { value: true, label: t('accept') },
                    { value: false, label: t('notAccept') },
                  ]
                : [
                    { value: true, label: t('approveRepair') },
                    { value: false, label: t('denyRepair') },
                  ]
            }
          />
        </Form.Item>
        <Form.Item
          name="comment"
          label={step === 'accept' ? t('acceptComment') : t('decisionComment')}
          rules={step === 'decide' ? [{ required: true, whitespace: true, min: 2 }] : yes ? [] : [{ required: true, whitespace: true }]}
        >
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RepairDrawer({ id, onClose }: { id: number | null; onClose(): void }) {
  const t = useT(creditStrings);
  const { can, me } = useAuth();
  const notify = useNotifyError();
  const lists = useDict('credit_list');
  const { data: a, isLoading, error } = useRepair(id);
  const attach = useAttachRepairFile();
  const [step, setStep] = useState<'accept' | 'decide' | null>(null);
  const canHandle = can('credit:repair:handle');
  return (
    <Drawer
      title={a ? `${t('applyRepair')} #${a.id}` : ''}
      open={id !== null}
      onClose={onClose}
      size={760}
      extra={
        a && canHandle ? (
          <Space>
            {a.status === 'submitted' ? (
              <Button type="primary" onClick={() => setStep('accept')}>
                {t('accept')}
              </Button>
            ) : null}
            {a.status === 'accepted' ? (
              <Button type="primary" onClick={() => setStep('decide')}>
                {t('decide')}
              </Button>
            ) : null}
          </Space>
        ) : null
      }
    >
      {error ? <Alert type="error" showIcon title={(error as Error).message} /> : null}
      {isLoading || !a ? (
        <Skeleton active />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions size="small" bordered column={2}>
            <Descriptions.Item label={t('entity')} span={2}>
              <Link to={`/entities/${a.uscc}`}>{a.entityName}</Link>
              <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontFamily: 'monospace' }}>
                {a.uscc}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('list')}>{lists.label(a.list)}</Descriptions.Item>
            <Descriptions.Item label={t('target')}>{a.target ? t(`tg_${a.target}` as CreditKey) : t('noDate')}</Descriptions.Item>
            <Descriptions.Item label={t('status')}>
              <AppStatus status={a.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('submittedOn')}>
              {a.submittedOn} · {a.submittedBy}
            </Descriptions.Item>
            <Descriptions.Item label={t('acceptBy')}>
              <StepDeadline c={a.accept} />
            </Descriptions.Item>
            <Descriptions.Item label={t('decideBy')}>
              <StepDeadline c={a.decide} />
            </Descriptions.Item>
            <Descriptions.Item label={t('stopBy')} span={2}>
              <StepDeadline c={a.stopPublication} />
            </Descriptions.Item>
            <Descriptions.Item label={t('reason')} span={2}>
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{a.reason}</Typography.Paragraph>
            </Descriptions.Item>
            <Descriptions.Item label={t('commitment')} span={2}>
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{a.commitment ?? t('noDate')}</Typography.Paragraph>
            </Descriptions.Item>
            {a.handledBy ? (
              <Descriptions.Item label={t('handledBy')} span={2}>
                {a.handledBy}
                {a.decisionComment ? `：${a.decisionComment}` : ''}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <div>
            <Typography.Title level={5}>{t('conditions')}</Typography.Title>
            <Typography.Paragraph type="secondary">{t('conditionsHint')}</Typography.Paragraph>
            <RepairConditions conditions={a.conditions} />
          </div>
          <div>
            <Space style={{ marginBottom: 8 }}>
              <Typography.Title level={5} style={{ margin: 0 }}>
                {t('files')}
              </Typography.Title>
              {can('credit:repair:apply') && me?.user.enterpriseUscc === a.uscc && ['submitted', 'accepted'].includes(a.status) ? (
                <Upload
                  showUploadList={false}
                  beforeUpload={(f) => {
                    attach.mutate({ id: a.id, file: f }, { onError: notify });
                    return false;
                  }}
                >
                  <Button size="small" icon={<UploadOutlined />} loading={attach.isPending}>
                    {t('chooseFiles')}
                  </Button>
                </Upload>
              ) : null}
            </Space>
            {a.files.length === 0 ? (
              <Typography.Text type="secondary">{t('noFiles')}</Typography.Text>
            ) : (
              <List
                size="small"
                dataSource={a.files}
                renderItem={(f) => (
                  <List.Item>
                    <a onClick={() => void downloadRepairFile(a.id, f.id).catch(notify)}>
                      <PaperClipOutlined /> {f.filename}
                    </a>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatSize(f.size)} · {formatDateTime(f.uploadedAt)}
                    </Typography.Text>
                  </List.Item>
                )}
              />
            )}
          </div>
        </Space>
      )}
      {a && step ? <HandleModal app={a} step={step} onClose={() => setStep(null)} /> : null}
    </Drawer>
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
  const filter: RepairFilter = {
    status: APPLICATION_STATUSES.includes(params.get('status') as ApplicationStatus) ? (params.get('status') as ApplicationStatus) : undefined,
    uscc: params.get('uscc') ?? undefined,
    overdue: params.get('overdue') === 'true' ? 'true' : undefined,
  };
  const paging = usePaging();
  const repairs = useRepairs({ ...filter, page: paging.page, pageSize: paging.pageSize });
  const [view, setView] = useState<number | null>(null);
  const [applyOpen, setApplyOpen] = useState(false);
  const search = (f: RepairFilter) => {
    setParams(Object.fromEntries(Object.entries(f).filter(([, v]) => v)) as Record<string, string>, { replace: true });
    paging.reset();
  };

  return (
    <PageContainer
      title={tc('creditRepairs')}
      description={officer ? t('repairsDescription') : t('repairsDescriptionEnterprise')}
      extra={
        applicant ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setApplyOpen(true)}>
            {t('applyRepair')}
          </Button>
        ) : null
      }
    >
      <Form
        name="repair-search"
        layout="inline"
        style={{ marginBottom: 16, rowGap: 8 }}
        initialValues={{ ...filter, overdue: filter.overdue === 'true' }}
        onFinish={(v: { status?: ApplicationStatus; uscc?: string; overdue?: boolean }) => search({ status: v.status, uscc: v.uscc?.trim() || undefined, overdue: v.overdue ? 'true' : undefined })}
      >
        <Form.Item name="status" label={t('status')}>
          <Select allowClear style={{ width: 130 }} placeholder={tc('all')} options={APPLICATION_STATUSES.map((s) => ({ value: s, label: t(`as_${s}` as CreditKey) }))} />
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
        loading={repairs.isFetching}
        dataSource={repairs.data?.items ?? []}
        pagination={paging.pagination(repairs.data?.total ?? 0)}
        scroll={{ x: 1160 }}
        columns={[
          {
            title: t('entity'),
            key: 'entity',
            width: 220,
            render: (_: unknown, a) => (
              <div>
                <a onClick={() => setView(a.id)}>{a.entityName}</a>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace' }}>
                    {a.uscc}
                  </Typography.Text>
                </div>
              </div>
            ),
          },
          { title: t('list'), dataIndex: 'list', width: 140, render: (v: string) => lists.label(v) },
          { title: t('target'), dataIndex: 'target', width: 110, render: (v: string | null) => (v ? t(`tg_${v}` as CreditKey) : t('noDate')) },
          { title: t('status'), dataIndex: 'status', width: 90, render: (v: string) => <AppStatus status={v} /> },
          { title: t('submittedOn'), dataIndex: 'submittedOn', width: 100 },
          { title: t('acceptBy'), key: 'accept', width: 140, render: (_: unknown, a) => <StepDeadline c={a.accept} /> },
          { title: t('decideBy'), key: 'decide', width: 140, render: (_: unknown, a) => <StepDeadline c={a.decide} /> },
          { title: t('stopBy'), key: 'stop', width: 140, render: (_: unknown, a) => <StepDeadline c={a.stopPublication} /> },
          {
            title: tc('actions'),
            key: 'actions',
            width: 90,
            fixed: 'right',
            render: (_: unknown, a) => (
              <Button type="link" size="small" onClick={() => setView(a.id)}>
                {officer && a.status === 'submitted' ? t('accept') : officer && a.status === 'accepted' ? t('decide') : t('detail')}
              </Button>
            ),
          },
        ]}
      />
      <RepairDrawer id={view} onClose={() => setView(null)} />
      <RepairApplyModal open={applyOpen} onClose={() => setApplyOpen(false)} onApplied={setView} />
    </PageContainer>
  );
}

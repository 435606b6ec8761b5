import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, DatePicker, Descriptions, Drawer, Form, Input, InputNumber, Modal, Popconfirm, Radio, Select, Skeleton, Space, Switch, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { HONOUR_STATUSES, type CreateHonourRoundBody, type HonourRound, type HonourRoundDetail, type ListEntry } from '@contracts/credit-lists';
import { PersonName } from '@/components/person-name';
import { showServerFieldErrors } from '@/components/server-field-errors';
import { SearchActions } from '@/components/search-actions';
import { PageContainer } from '@/components/page-container';
import { useNotifyError } from '@/components/use-notify';
import { useAuth } from '@/lib/auth';
import { useDict } from '@/lib/dicts';
import { usePick, useT } from '@/lib/i18n';
import { usePagedFilter } from '@/lib/use-paging';
import { common } from '@/locales/common';
import { useApproveRound, useCompileRound, useHonourRound, useHonourRounds, usePublishRound, useSubmitRound, type HonourFilter } from './api/honours';
import { ListStatusTag, useGroundsLabel } from './display';
import { creditStrings, type CreditKey } from './i18n';

const STATUS_COLOURS: Record<string, string> = { draft: 'default', pending_approval: 'gold', approved: 'blue', published: 'green' };
const NOWRAP = { whiteSpace: 'nowrap' } as const;

function HonourStatus({ status }: { status: string }) {
  const t = useT(creditStrings);
  return <Tag color={STATUS_COLOURS[status]}>{t(`hs_${status}` as CreditKey)}</Tag>;
}

function ListTag({ list }: { list: 'red' | 'black' }) {
  const t = useT(creditStrings);
  return <Tag color={list === 'red' ? 'red' : '#262626'}>{t(list)}</Tag>;
}

interface CompileValues {
  list: 'red' | 'black';
  period: string;
  title?: string;
  custom: boolean;
  grades?: string[];
  noPenaltyYears?: number;
  notListed?: boolean;
  includeSeriousViolation?: boolean;
  scheduledOn?: Dayjs;
  validUntil?: Dayjs;
}

function CompileModal({ open, onClose, onCompiled }: { open: boolean; onClose(): void; onCompiled(id: number): void }) {
  const t = useT(creditStrings);
  const pick = usePick();
  const notify = useNotifyError();
  const grades = useDict('credit_grade');
  const compile = useCompileRound();
  const [form] = Form.useForm<CompileValues>();
  const list = Form.useWatch('list', form);
  const custom = Form.useWatch('custom', form);

  const run = async (v: CompileValues) => {
    const body: CreateHonourRoundBody = {
      list: v.list,
      period: v.period.trim(),
      title: v.title?.trim() || undefined,
      scheduledOn: v.scheduledOn?.format('YYYY-MM-DD'),
      validUntil: v.validUntil?.format('YYYY-MM-DD'),
      criteria: v.custom
        ? {
            grades: v.grades ?? [],
            ...(v.list === 'red' ? { noPenaltyYears: v.noPenaltyYears ?? undefined, notListed: !!v.notListed } : { includeSeriousViolation: !!v.includeSeriousViolation }),
          }
        : undefined,
    };
    try {
      const round = await compile.mutateAsync(body);
      form.resetFields();
      onClose();
      onCompiled(round.id);
    } catch (err) {
      showServerFieldErrors(form, err, pick);
      notify(err);
    }
  };

  return (
    <Modal title={t('compileTitle')} open={open} onCancel={onClose} onOk={() => form.submit()} okText={t('compile')} confirmLoading={compile.isPending} width={600} destroyOnHidden>
      <Form<CompileValues>
        form={form}
        layout="vertical"
        name="honour-compile"
        initialValues={{ list: 'red', custom: false, grades: ['AAA', 'AA'], noPenaltyYears: 3, notListed: true, includeSeriousViolation: true }}
        onFinish={(v) => void run(v)}
      >
        <Form.Item name="list" label={t('honourList')} rules={[{ required: true }]}>
          <Select
            options={[
              { value: 'red', label: t('red') },
              { value: 'black', label: t('black') },
            ]}
            onChange={(v: 'red' | 'black') => form.setFieldValue('grades', v === 'red' ? ['AAA', 'AA'] : ['D'])}
          />
        </Form.Item>
        <Form.Item name="period" label={t('period')} extra={t('periodHint')} rules={[{ required: true, pattern: /^\d{4}(-(H[12]|Q[1-4]|\d{2}))?$/, message: t('periodHint') }]}>
          <Input maxLength={7} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="title" label={t('title')}>
          <Input maxLength={200} />
        </Form.Item>
        <Space size={24}>
          <Form.Item name="scheduledOn" label={t('scheduledOn')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="validUntil" label={t('validUntil')}>
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.Item name="custom" label={t('criteria')} valuePropName="checked" extra={custom ? undefined : t('criteriaDefault')}>
          <Switch />
        </Form.Item>
        {custom ? (
          <>
            <Form.Item name="grades" label={t('grades')}>
              <Select mode="multiple" options={grades.options} />
            </Form.Item>
            {list === 'red' ? (
              <>
                <Form.Item name="noPenaltyYears" label={t('noPenaltyYears')}>
                  <InputNumber min={0} max={10} precision={0} />
                </Form.Item>
                <Form.Item name="notListed" valuePropName="checked">
                  <Checkbox>{t('notListed')}</Checkbox>
                </Form.Item>
              </>
            ) : (
              <Form.Item name="includeSeriousViolation" valuePropName="checked">
                <Checkbox>{t('includeSeriousViolation')}</Checkbox>
              </Form.Item>
            )}
          </>
        ) : null}
      </Form>
    </Modal>
  );
}

function RoundActions({ round, onView }: { round: HonourRound; onView(): void }) {
  const t = useT(creditStrings);
  const { can, me } = useAuth();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const submit = useSubmitRound();
  const approve = useApproveRound();
  const publish = usePublishRound();
  /** Run a step and say what it did (a step's result, not a generic 已保存). */
  const run = (p: Promise<HonourRoundDetail>, done: (r: HonourRoundDetail) => string) =>
    p.then(
      (r) => {
        message.success(done(r));
        return true;
      },
      (err: unknown) => {
        notify(err);
        return false;
      },
    );
  const own = round.createdBy === me?.user.username;
  const [approving, setApproving] = useState(false);
  const [form] = Form.useForm<{ approve: boolean; comment?: string }>();
  const approveChoice = Form.useWatch('approve', form);
  return (
    <Space size={0} wrap>
      <Modal
        title={t('honourApproveConfirm')}
        open={approving}
        onCancel={() => setApproving(false)}
        onOk={() => form.submit()}
        confirmLoading={approve.isPending}
        destroyOnHidden
      >
        <Typography.Paragraph>{round.title}</Typography.Paragraph>
        <Form
          form={form}
          layout="vertical"
          name="honour-approve"
          initialValues={{ approve: true }}
          onFinish={(v) =>
            void run(approve.mutateAsync({ id: round.id, approve: v.approve, comment: v.comment?.trim() || undefined }), () => t(v.approve ? 'roundApproved' : 'roundReturned')).then(
              (ok) => ok && setApproving(false),
            )
          }
        >
          <Form.Item name="approve" extra={approveChoice === false ? t('roundReturnHint') : undefined}>
            <Radio.Group
              options={[
                { value: true, label: t('roundApproveYes') },
                { value: false, label: t('roundApproveNo') },
              ]}
            />
          </Form.Item>
          <Form.Item name="comment" label={t('approvalComment')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
      <Button type="link" size="small" onClick={onView}>
        {t('detail')}
      </Button>
      {round.status === 'draft' && can('credit:honour:manage') ? (
        <Popconfirm title={t('roundSubmitConfirm')} onConfirm={() => run(submit.mutateAsync(round.id), () => t('roundSubmitted'))}>
          <Button type="link" size="small">
            {t('submit')}
          </Button>
        </Popconfirm>
      ) : null}
      {round.status === 'pending_approval' && can('credit:honour:approve') ? (
        <Button type="link" size="small" disabled={own} title={own ? t('roundSelfApproval') : undefined} onClick={() => setApproving(true)}>
          {t('approve')}
        </Button>
      ) : null}
      {round.status === 'approved' && can('credit:honour:manage') ? (
        <Popconfirm title={t('roundPublishConfirm')} onConfirm={() => run(publish.mutateAsync(round.id), (r) => t('roundPublished', { n: r.members }))}>
          <Button type="link" size="small">
            {t('publishNow')}
          </Button>
        </Popconfirm>
      ) : null}
    </Space>
  );
}

function RoundDrawer({ id, onClose }: { id: number | null; onClose(): void }) {
  const t = useT(creditStrings);
  const grades = useDict('credit_grade');
  const grounds = useGroundsLabel();
  const { data, isLoading, error } = useHonourRound(id);
  return (
    <Drawer title={data?.title ?? ''} open={id !== null} onClose={onClose} size={760}>
      {error ? <Alert type="error" showIcon title={(error as Error).message} /> : null}
      {isLoading || !data ? (
        <Skeleton active />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions size="small" bordered column={2} styles={{ label: { whiteSpace: 'nowrap' } }}>
            <Descriptions.Item label={t('honourList')}>
              <ListTag list={data.list} />
            </Descriptions.Item>
            <Descriptions.Item label={t('status')}>
              <HonourStatus status={data.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('period')}>{data.period}</Descriptions.Item>
            <Descriptions.Item label={t('members')}>{t('membersCount', { n: data.members })}</Descriptions.Item>
            <Descriptions.Item label={t('criteria')} span={2}>
              <Space orientation="vertical" size={2}>
                <span>
                  {t('grades')}：{(data.criteria.grades ?? []).map((g) => grades.label(g)).join('、') || t('noDate')}
                </span>
                {data.criteria.noPenaltyYears !== undefined ? <span>{t('noPenaltyWithin', { n: data.criteria.noPenaltyYears })}</span> : null}
                {data.criteria.notListed ? <span>{t('notListed')}</span> : null}
                {data.criteria.includeSeriousViolation ? <span>{t('includeSeriousViolation')}</span> : null}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('publishedOn')}>{data.publishedOn ?? data.scheduledOn ?? t('noDate')}</Descriptions.Item>
            <Descriptions.Item label={t('validUntil')}>{data.validUntil ?? t('noDate')}</Descriptions.Item>
            <Descriptions.Item label={t('compiler')}>
              <PersonName name={data.createdByName} username={data.createdBy} />
            </Descriptions.Item>
            <Descriptions.Item label={t('approvedBy')}>
              <PersonName name={data.approvedByName} username={data.approvedBy} />
            </Descriptions.Item>
          </Descriptions>
          {/* Members are stored pending until the round is published; before then their status is the
              round's (shown above), so a per-member 待审批 would only mislead. */}
          {data.status === 'published' ? null : <Typography.Text type="secondary">{t('membersNotPublic')}</Typography.Text>}
          <Table<ListEntry>
            rowKey="id"
            size="small"
            data-testid="round-members"
            dataSource={data.entries}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: t('noMembers') }}
            columns={[
              { title: t('entity'), key: 'entity', width: 200, render: (_: unknown, e) => <Link to={`/entities/${e.uscc}`}>{e.entityName}</Link> },
              { title: t('uscc'), dataIndex: 'uscc', width: 172, render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span> },
              { title: t('grounds'), key: 'grounds', render: (_: unknown, e) => grounds(e) },
              ...(data.status === 'published'
                ? [{ title: t('memberStatus'), key: 'status', width: 100, render: (_: unknown, e: ListEntry) => <ListStatusTag status={e.status} list={e.list} /> }]
                : []),
            ]}
          />
        </Space>
      )}
    </Drawer>
  );
}

export default function HonoursPage() {
  const t = useT(creditStrings);
  const tc = useT(common);
  const { can } = useAuth();
  const { filter, search, paging } = usePagedFilter<HonourFilter>();
  const rounds = useHonourRounds({ ...filter, page: paging.page, pageSize: paging.pageSize });
  const [compileOpen, setCompileOpen] = useState(false);
  const [view, setView] = useState<number | null>(null);
  return (
    <PageContainer
      title={tc('creditHonours')}
      description={t('honoursDescription')}
      extra={
        can('credit:honour:manage') ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCompileOpen(true)}>
            {t('compile')}
          </Button>
        ) : null
      }
    >
      <Form name="honour-search" layout="inline" style={{ marginBottom: 16, rowGap: 8 }} onFinish={(v: HonourFilter) => search({ list: v.list, status: v.status })}>
        <Form.Item name="list" label={t('honourList')}>
          <Select
            allowClear
            style={{ width: 120 }}
            placeholder={tc('all')}
            options={[
              { value: 'red', label: t('red') },
              { value: 'black', label: t('black') },
            ]}
          />
        </Form.Item>
        <Form.Item name="status" label={t('status')}>
          <Select allowClear style={{ width: 130 }} placeholder={tc('all')} options={HONOUR_STATUSES.map((s) => ({ value: s, label: t(`hs_${s}` as CreditKey) }))} />
        </Form.Item>
        <SearchActions onReset={() => search({})} />
      </Form>
      <Table<HonourRound>
        rowKey="id"
        size="middle"
        loading={rounds.isFetching}
        dataSource={rounds.data?.items ?? []}
        pagination={paging.pagination(rounds.data?.total ?? 0)}
        // Fits the 1280 px screen (about 950 px of content): the compiler shows under the title
        // instead of taking a column; dates never wrap or clip.
        scroll={{ x: 900 }}
        columns={[
          { title: t('honourList'), dataIndex: 'list', width: 72, render: (v: 'red' | 'black') => <ListTag list={v} /> },
          {
            title: t('title'),
            dataIndex: 'title',
            render: (v: string, r) => (
              <div>
                <a onClick={() => setView(r.id)}>{v}</a>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('compiledByLabel')}
                    <PersonName name={r.createdByName} username={r.createdBy} compact />
                  </Typography.Text>
                </div>
              </div>
            ),
          },
          { title: t('period'), dataIndex: 'period', width: 84 },
          { title: t('status'), dataIndex: 'status', width: 88, render: (v: string) => <HonourStatus status={v} /> },
          { title: t('members'), dataIndex: 'members', width: 88, align: 'right', render: (n: number) => t('membersCount', { n }) },
          {
            title: t('publishedOn'),
            key: 'published',
            width: 112,
            render: (_: unknown, r) =>
              r.publishedOn || !r.scheduledOn ? (
                <span style={NOWRAP}>{r.publishedOn ?? t('noDate')}</span>
              ) : (
                // Not published yet: the planned date, marked as such.
                <span style={NOWRAP} title={t('scheduledOn')}>
                  {r.scheduledOn}*
                </span>
              ),
          },
          { title: t('validUntil'), dataIndex: 'validUntil', width: 108, render: (v: string | null) => <span style={NOWRAP}>{v ?? t('noDate')}</span> },
          { title: tc('actions'), key: 'actions', width: 140, fixed: 'right', render: (_: unknown, r) => <RoundActions round={r} onView={() => setView(r.id)} /> },
        ]}
      />
      <CompileModal open={compileOpen} onClose={() => setCompileOpen(false)} onCompiled={setView} />
      <RoundDrawer id={view} onClose={() => setView(null)} />
    </PageContainer>
  );
}

import { Alert, App, Button, Card, Empty, Form, Input, Modal, Select, Space, Table, Tabs, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { SanctionMeasure, SanctionRule, Sanctions } from '@contracts/credit-repair';
import { usccField } from '@contracts/entities';
import { PageContainer } from '@/components/page-container';
import { PersonName } from '@/components/person-name';
import { SearchActions } from '@/components/search-actions';
import { useNotifyError } from '@/components/use-notify';
import { useAuth } from '@/lib/auth';
import { formatDateTime } from '@/lib/format';
import { zodRule } from '@/lib/form-rules';
import { useLang, useT } from '@/lib/i18n';
import { usePagedFilter } from '@/lib/use-paging';
import { common } from '@/locales/common';
import { querySanctions, useSanctionQueryLog, useSanctionRules, useUpdateSanctionRule, type SanctionQueryLogItem } from './api/sanctions';
import { useCreditCodeLabel } from './display';
import { creditStrings } from './i18n';

/** A sanction trigger (`list:serious-violation`, `grade:D`) in words. */
function useTriggerLabel(): (trigger: string) => string {
  const code = useCreditCodeLabel();
  return (trigger) => code(trigger) ?? trigger;
}

function QueryCard() {
  const t = useT(creditStrings);
  const { lang } = useLang();
  const notify = useNotifyError();
  const trigger = useTriggerLabel();
  const [result, setResult] = useState<Sanctions | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (v: { uscc: string; purpose?: string }) => {
    setBusy(true);
    try {
      setResult(await querySanctions(v.uscc.trim().toUpperCase(), v.purpose?.trim() || undefined));
    } catch (err) {
      setResult(null);
      notify(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Form name="sanction-query" layout="inline" style={{ rowGap: 8 }} onFinish={(v: { uscc: string; purpose?: string }) => void run(v)}>
        <Form.Item name="uscc" label={t('uscc')} rules={[{ required: true }, zodRule(usccField, lang)]} normalize={(v: string) => v.toUpperCase()}>
          <Input maxLength={18} style={{ width: 220, fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item name="purpose" label={t('purpose')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} style={{ width: 280 }} placeholder={t('purposePlaceholder')} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('query')}
          </Button>
        </Form.Item>
      </Form>
      {result ? (
        <Card
          size="small"
          title={
            <span>
              {t('measuresOf', { name: result.name })} <Link to={`/entities/${result.uscc}`}>{result.uscc}</Link>
            </span>
          }
        >
          {result.measures.length === 0 ? (
            <Empty description={t('noMeasures')} />
          ) : (
            <Table<SanctionMeasure>
              rowKey={(m) => `${m.trigger}-${m.measure}`}
              size="small"
              data-testid="sanction-measures"
              pagination={false}
              dataSource={result.measures}
              columns={[
                { title: t('measure'), dataIndex: 'description' },
                { title: t('trigger'), dataIndex: 'trigger', width: 200, render: (v: string) => trigger(v) },
                { title: t('basis'), dataIndex: 'basis', width: 280 },
                { title: t('appliedBy'), dataIndex: 'appliedBy', width: 200 },
                { title: t('since'), dataIndex: 'since', width: 110 },
                { title: t('until'), dataIndex: 'until', width: 110 },
              ]}
            />
          )}
        </Card>
      ) : null}
    </Space>
  );
}

function RuleModal({ rule, onClose }: { rule: SanctionRule; onClose(): void }) {
  const t = useT(creditStrings);
  const tc = useT(common);
  const notify = useNotifyError();
  const { message } = App.useApp();
  const update = useUpdateSanctionRule();
  const [form] = Form.useForm<{ description: string; basis: string; appliedBy?: string; status: 'active' | 'disabled' }>();
  return (
    <Modal title={t('editRule')} open onCancel={onClose} onOk={() => form.submit()} okText={tc('save')} confirmLoading={update.isPending} width={640} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        name="sanction-rule"
        initialValues={{ description: rule.description, basis: rule.basis, appliedBy: rule.appliedBy ?? undefined, status: rule.status }}
        onFinish={async (v) => {
          try {
            await update.mutateAsync({ id: rule.id, description: v.description.trim(), basis: v.basis.trim(), appliedBy: v.appliedBy?.trim() || null, status: v.status });
            message.success(tc('saved'));
            onClose();
          } catch (err) {
            notify(err);
          }
        }}
      >
        <Form.Item name="description" label={t('description')} rules={[{ required: true, whitespace: true, min: 2 }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item name="basis" label={t('basis')} rules={[{ required: true, whitespace: true, min: 2 }]}>
          <Input.TextArea rows={2} maxLength={300} />
        </Form.Item>
        <Form.Item name="appliedBy" label={t('appliedBy')}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="status" label={t('ruleStatus')}>
          <Select
            style={{ width: 140 }}
            options={[
              { value: 'active', label: t('active') },
              { value: 'disabled', label: t('disabled') },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RulesTable() {
  const t = useT(creditStrings);
  const tc = useT(common);
  const { can } = useAuth();
  const trigger = useTriggerLabel();
  const rules = useSanctionRules();
  const [editing, setEditing] = useState<SanctionRule | null>(null);
  if (rules.error) return <Alert type="error" showIcon title={rules.error.message} />;
  return (
    <>
      <Table<SanctionRule>
        rowKey="id"
        size="small"
        loading={rules.isFetching}
        dataSource={rules.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('trigger'), dataIndex: 'trigger', width: 190, render: (v: string) => trigger(v) },
          {
            title: t('measure'),
            dataIndex: 'description',
            // The measure's code is what other departments' systems read from the API: on hover only.
            render: (v: string, r) => (
              <Tooltip title={t('measureCode', { code: r.measure })}>
                <span>{v}</span>
              </Tooltip>
            ),
          },
          { title: t('basis'), dataIndex: 'basis', width: 280 },
          { title: t('appliedBy'), dataIndex: 'appliedBy', width: 200 },
          { title: t('ruleStatus'), dataIndex: 'status', width: 80, render: (v: string) => <Tag color={v === 'active' ? 'green' : 'default'}>{t(v === 'active' ? 'active' : 'disabled')}</Tag> },
          ...(can('credit:sanction:update')
            ? [
                {
                  title: tc('actions'),
                  key: 'actions',
                  width: 80,
                  render: (_: unknown, r: SanctionRule) => (
                    <Button type="link" size="small" onClick={() => setEditing(r)}>
                      {tc('edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing ? <RuleModal rule={editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}

function QueryLog() {
  const t = useT(creditStrings);
  const { filter, search, paging } = usePagedFilter<{ uscc?: string }>();
  const log = useSanctionQueryLog({ ...filter, page: paging.page, pageSize: paging.pageSize }, true);
  return (
    <>
      <Form name="sanction-log-search" layout="inline" style={{ marginBottom: 16 }} onFinish={(v: { uscc?: string }) => search({ uscc: v.uscc?.trim() || undefined })}>
        <Form.Item name="uscc" label={t('uscc')}>
          <Input allowClear maxLength={18} style={{ width: 220 }} />
        </Form.Item>
        <SearchActions onReset={() => search({})} />
      </Form>
      <Table<SanctionQueryLogItem>
        rowKey="id"
        size="small"
        loading={log.isFetching}
        dataSource={log.data?.items ?? []}
        pagination={paging.pagination(log.data?.total ?? 0)}
        columns={[
          { title: t('queriedAt'), dataIndex: 'queriedAt', width: 170, render: (v: string) => formatDateTime(v) },
          { title: t('uscc'), dataIndex: 'uscc', width: 190, render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span> },
          { title: t('queriedBy'), key: 'queriedBy', width: 130, render: (_: unknown, r) => <PersonName name={r.queriedByName} username={r.queriedBy} compact /> },
          { title: t('dept'), dataIndex: 'deptName', width: 200 },
          { title: t('purpose'), dataIndex: 'purpose' },
          { title: t('measureCount'), dataIndex: 'measures', width: 80 },
          { title: t('ip'), dataIndex: 'ip', width: 130 },
        ]}
      />
    </>
  );
}

export default function SanctionsPage() {
  const t = useT(creditStrings);
  const tc = useT(common);
  const { can } = useAuth();
  return (
    <PageContainer title={tc('creditSanctions')} description={t('sanctionsDescription')}>
      <Tabs
        items={[
          { key: 'query', label: t('query'), children: <QueryCard /> },
          { key: 'rules', label: t('rules'), children: <RulesTable /> },
          ...(can('credit:sanction:update') ? [{ key: 'log', label: t('queryLog'), children: <QueryLog /> }] : []),
        ]}
      />
    </PageContainer>
  );
}

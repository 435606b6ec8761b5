/**
 * 申请信用修复 (enterprise): pick one of the enterprise's entries, see the dry-run condition check,
 * then write the reason and the integrity commitment, attach proof and submit.
 */
import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Form, Input, Modal, Select, Space, Spin, Typography, Upload } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ABNORMAL_CURES, type RepairCondition } from '@contracts/credit-repair';
import { useNotifyError } from '@/components/use-notify';
import { ApiError } from '@/lib/api-client';
import { useAuth } from '@/lib/auth';
import { useDict } from '@/lib/dicts';
import { usePick, useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { useEntityEntries } from './api/lists';
import { checkRepair, useApplyRepair } from './api/repairs';
import { useGroundsLabel } from './display';
import { creditStrings, type CreditKey } from './i18n';
import { RepairConditions } from './repair-conditions';

/** Lists a repair can be asked for (修复办法 Art. 2); red/black lists are not. */
const REPAIRABLE = ['serious-violation', 'abnormal', 'penalty-publication'];
const ATTACHMENT_MAX = 20 * 1024 * 1024;

interface Values {
  entryId: number;
  cure?: (typeof ABNORMAL_CURES)[number];
  harmRemoved: string;
  reason: string;
  commitment: string;
}

export function RepairApplyModal({ open, onClose, onApplied }: { open: boolean; onClose(): void; onApplied(id: number): void }) {
  const t = useT(creditStrings);
  const tc = useT(common);
  const pick = usePick();
  const notify = useNotifyError();
  const { message } = App.useApp();
  const { me } = useAuth();
  const uscc = me?.user.enterpriseUscc ?? null;
  const entries = useEntityEntries(open ? uscc : null);
  const lists = useDict('credit_list');
  const grounds = useGroundsLabel();
  const apply = useApplyRepair();
  const [form] = Form.useForm<Values>();
  const entryId = Form.useWatch('entryId', form);
  const cure = Form.useWatch('cure', form);
  const [harmForCheck, setHarmForCheck] = useState('');
  const [refusal, setRefusal] = useState<{ message: string; conditions: RepairCondition[] } | null>(null);
  const [files, setFiles] = useState<File[]>([]);

  const candidates = (entries.data ?? []).filter((e) => REPAIRABLE.includes(e.list) && ['listed', 'published'].includes(e.status));
  const entry = candidates.find((e) => e.id === entryId);

  // The dry run runs as soon as an entry (or the cured ground) is chosen, before anything is written,
  // and again when the description of the harm removed changes.
  const checkQuery = useQuery({
    queryKey: ['credit', 'repair-check', entryId, cure ?? null, harmForCheck],
    queryFn: () => checkRepair(entryId, { harmRemoved: harmForCheck || null, cure: cure ?? null }),
    enabled: open && !!entryId,
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
  const check = checkQuery.data ?? null;
  const checking = checkQuery.isFetching;

  const close = () => {
    form.resetFields();
    setHarmForCheck('');
    setRefusal(null);
    setFiles([]);
    onClose();
  };

  const submit = async (v: Values) => {
    setRefusal(null);
    try {
      const app = await apply.mutateAsync({
        body: { entryId: v.entryId, reason: v.reason.trim(), commitment: v.commitment.trim(), harmRemoved: v.harmRemoved.trim(), cure: v.cure ?? null },
        files,
      });
      message.success(t('submitted'));
      close();
      onApplied(app.id);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'REPAIR_CONDITIONS_UNMET') {
        setRefusal({ message: err.message, conditions: Array.isArray(err.details) ? (err.details as RepairCondition[]) : [] });
      } else notify(err);
    }
  };

  return (
    <Modal
      title={t('applyRepair')}
      open={open}
      onCancel={close}
      width={720}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={close}>
          {tc('cancel')}
        </Button>,
        <Button key="submit" type="primary" loading={apply.isPending} disabled={!check?.eligible} onClick={() => form.submit()}>
          {t('applyRepair')}
        </Button>,
      ]}
    >
      {!uscc ? (
        <Alert type="warning" showIcon title={t('noEnterprise')} />
      ) : entries.isLoading ? (
        <Spin />
      ) : candidates.length === 0 ? (
        <Empty description={t('noEntries')} />
      ) : (
        <Form<Values> form={form} layout="vertical" name="repair-apply" onFinish={(v) => void submit(v)}>
          <Form.Item name="entryId" label={t('pickEntry')} extra={t('pickEntryHint')} rules={[{ required: true }]}>
            <Select
              options={candidates.map((e) => ({
                value: e.id,
                label: `${lists.label(e.list)} · ${e.decisionNo ?? e.decisionDate} · ${grounds(e)}`,
              }))}
            />
          </Form.Item>
          {entry?.list === 'abnormal' ? (
            <Form.Item name="cure" label={t('cureKind')} rules={[{ required: true }]}>
              <Select options={ABNORMAL_CURES.map((c) => ({ value: c, label: t(`cu_${c}` as CreditKey) }))} />
            </Form.Item>
          ) : null}
          <Form.Item name="harmRemoved" label={t('harmRemoved')} rules={[{ required: true, whitespace: true, min: 4 }]}>
            <Input.TextArea rows={2} maxLength={2000} onBlur={(e) => setHarmForCheck(e.target.value.trim())} />
          </Form.Item>
          {entryId ? (
            <div style={{ marginBottom: 16 }}>
              <Space style={{ marginBottom: 8 }}>
                <Typography.Text strong>{t('conditions')}</Typography.Text>
                <Button size="small" loading={checking} onClick={() => void checkQuery.refetch()}>
                  {t('checkFirst')}
                </Button>
              </Space>
              {check ? (
                <>
                  <Alert
                    style={{ marginBottom: 8 }}
                    type={check.eligible ? 'success' : 'warning'}
                    showIcon
                    title={check.eligible ? t('checkResultOk') : t('checkResultBad')}
                    data-testid="repair-check"
                  />
                  <RepairConditions conditions={check.conditions} />
                </>
              ) : checking ? (
                <Spin />
              ) : checkQuery.error ? (
                <Alert type="error" showIcon title={(checkQuery.error as Error).message} />
              ) : null}
            </div>
          ) : null}
          {refusal ? (
            <Alert
              style={{ marginBottom: 16 }}
              type="error"
              showIcon
              title={t('refused')}
              description={refusal.conditions.length > 0 ? <RepairConditions conditions={refusal.conditions} /> : pick(refusal.message)}
            />
          ) : null}
          <Form.Item name="reason" label={t('reason')} rules={[{ required: true, whitespace: true, min: 4 }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item name="commitment" label={t('commitment')} extra={t('commitmentHint')} rules={[{ required: true, whitespace: true, min: 4 }]}>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
          <Form.Item label={t('files')} extra={t('attachHint')}>
            <Upload
              multiple
              beforeUpload={(f) => {
                if (f.size > ATTACHMENT_MAX) {
                  message.error(`${f.name} > 20 MB`);
                  return Upload.LIST_IGNORE;
                }
                setFiles((prev) => [...prev, f]);
                return false;
              }}
              onRemove={(f) => setFiles((prev) => prev.filter((x) => x.name !== f.name))}
              fileList={files.map((f, i) => ({ uid: `${i}-${f.name}`, name: f.name, status: 'done' as const }))}
            >
              <Button icon={<UploadOutlined />}>{t('chooseFiles')}</Button>
            </Upload>
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

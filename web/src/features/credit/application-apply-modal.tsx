/**
 * The enterprise's application form, for both kinds:
 * - 申请信用修复: pick one of the enterprise's entries, see the dry-run condition check, then write
 *   the reason and the integrity commitment;
 * - 提出异议: pick an abnormal-list entry in force and say why the listing is wrong (the server
 *   checks the 30-day period and refuses with its reason).
 * Proof files are chosen here and uploaded once the application exists.
 */
import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Form, Input, Modal, Select, Space, Spin, Typography, Upload } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ListEntry } from '@contracts/credit-lists';
import { ABNORMAL_CURES, type ApplicationKind, type RepairCondition } from '@contracts/credit-repair';
import { useNotifyError } from '@/components/use-notify';
import { ApiError } from '@/lib/api-client';
import { useAuth } from '@/lib/auth';
import { useDict } from '@/lib/dicts';
import { usePick, useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { checkRepair, useSubmitApplication, type ApplicationSubmission } from './api/applications';
import { useEntityEntries } from './api/lists';
import { useGroundsLabel } from './display';
import { creditStrings, type CreditKey } from './i18n';
import { RepairConditions } from './repair-conditions';

/** Conditions the application form itself satisfies (a statement the applicant writes). */
const FORM_CONDITIONS: ReadonlySet<string> = new Set(['harm_removed']);

/** Lists a repair can be asked for (修复办法 Art. 2); red/black lists are not. Objections: the abnormal list only. */
const ELIGIBLE_LISTS: Record<ApplicationKind, readonly string[]> = { repair: ['serious-violation', 'abnormal', 'penalty-publication'], objection: ['abnormal'] };
const IN_FORCE = ['listed', 'published'];
const ATTACHMENT_MAX = 20 * 1024 * 1024;

/** The kind-specific wording of the form. */
const WORDS: Record<ApplicationKind, { title: CreditKey; entryHint: CreditKey; none: CreditKey; reason: CreditKey; reasonHint?: CreditKey; attachHint: CreditKey; done: CreditKey }> = {
  repair: { title: 'applyRepair', entryHint: 'pickEntryHint', none: 'noEntries', reason: 'reason', attachHint: 'attachHint', done: 'submitted' },
  objection: { title: 'lodgeObjection', entryHint: 'objectionEntryHint', none: 'noObjectionEntries', reason: 'objectionReason', reasonHint: 'objectionReasonHint', attachHint: 'objectionAttachHint', done: 'objectionSubmitted' },
};

interface Values {
  entryId: number;
  cure?: (typeof ABNORMAL_CURES)[number];
  harmRemoved?: string;
  reason: string;
  commitment?: string;
}

/** Why the server refused: the unmet repair conditions, or its message (objection period over, one already open…). */
type Refusal = { conditions: RepairCondition[]; message: string };

export function ApplicationApplyModal({
  kind,
  open,
  entryId: initialEntryId,
  onClose,
  onApplied,
}: {
  kind: ApplicationKind;
  open: boolean;
  /** Preselected entry (the enterprise clicked 提出异议 / 申请信用修复 on it). */
  entryId?: number | null;
  onClose(): void;
  onApplied(id: number): void;
}) {
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
  const submit = useSubmitApplication();
  const [form] = Form.useForm<Values>();
  const entryId = Form.useWatch('entryId', form);
  const cure = Form.useWatch('cure', form);
  const [harmForCheck, setHarmForCheck] = useState('');
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [files, setFiles] = useState<File[]>([]);
  const words = WORDS[kind];
  const isRepair = kind === 'repair';

  const candidates = (entries.data ?? []).filter((e) => ELIGIBLE_LISTS[kind].includes(e.list) && IN_FORCE.includes(e.status));
  const entry = candidates.find((e) => e.id === entryId);
  const preselected = initialEntryId && candidates.some((e) => e.id === initialEntryId) ? initialEntryId : undefined;

  // Repairs: the dry run runs as soon as an entry (or the cured ground) is chosen, before anything
  // is written, and again when the description of the harm removed changes.
  const checkQuery = useQuery({
    queryKey: ['credit', 'repair-check', entryId, cure ?? null, harmForCheck],
    queryFn: () => checkRepair(entryId, { harmRemoved: harmForCheck || null, cure: cure ?? null }),
    enabled: open && isRepair && !!entryId,
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
  const check = checkQuery.data ?? null;
  const checking = checkQuery.isFetching;
  // Before the applicant has described the harm removed, that condition is the form's to fill, not
  // a failing of the archive: say the archive's conditions are met rather than "不满足".
  const onlyFormMissing = check !== null && !check.eligible && check.conditions.every((c) => c.met || FORM_CONDITIONS.has(c.code));

  const close = () => {
    form.resetFields();
    setHarmForCheck('');
    setRefusal(null);
    setFiles([]);
    onClose();
  };

  const run = async (v: Values) => {
    setRefusal(null);
    const submission: ApplicationSubmission = isRepair
      ? { kind: 'repair', body: { entryId: v.entryId, reason: v.reason.trim(), commitment: v.commitment!.trim(), harmRemoved: v.harmRemoved!.trim(), cure: v.cure ?? null } }
      : { kind: 'objection', body: { entryId: v.entryId, reason: v.reason.trim() } };
    try {
      const { app, failed } = await submit.mutateAsync({ submission, files });
      message.success(t(words.done));
      if (failed.length > 0) {
        notify(new Error(t('filesFailed', { names: failed.map((f) => f.file.name).join('、') })));
        failed.forEach((f) => notify(f.error));
      }
      close();
      onApplied(app.id);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'REPAIR_CONDITIONS_UNMET') {
        setRefusal({ message: err.message, conditions: Array.isArray(err.details) ? (err.details as RepairCondition[]) : [] });
      } else if (err instanceof ApiError && err.status === 409) {
        // A refusal on the merits (period over, one already in progress, entry no longer in force):
        // shown in the form, where the applicant is looking, not as a passing toast.
        setRefusal({ message: err.message, conditions: [] });
      } else notify(err);
    }
  };

  return (
    <Modal
      title={t(words.title)}
      open={open}
      onCancel={close}
      width={720}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={close}>
          {tc('cancel')}
        </Button>,
        <Button key="submit" type="primary" loading={submit.isPending} disabled={isRepair ? !check?.eligible : !entryId} onClick={() => form.submit()}>
          {t(words.title)}
        </Button>,
      ]}
    >
      {!uscc ? (
        <Alert type="warning" showIcon title={t('noEnterprise')} />
      ) : entries.isLoading ? (
        <Spin />
      ) : candidates.length === 0 ? (
        <Empty description={t(words.none)} />
      ) : (
        <Form<Values> form={form} layout="vertical" name={`${kind}-apply`} initialValues={{ entryId: preselected }} onFinish={(v) => void run(v)}>
          <Form.Item name="entryId" label={t('pickEntry')} extra={t(words.entryHint)} rules={[{ required: true }]}>
            <Select
              onChange={() => setRefusal(null)}
              options={candidates.map((e) => ({
                value: e.id,
                label: `${lists.label(e.list)} · ${e.decisionNo ?? e.decisionDate} · ${grounds(e)}`,
              }))}
            />
          </Form.Item>
          {!isRepair && entry ? <ObjectionWindow entry={entry} /> : null}
          {isRepair && entry?.list === 'abnormal' ? (
            <Form.Item name="cure" label={t('cureKind')} rules={[{ required: true }]}>
              <Select options={ABNORMAL_CURES.map((c) => ({ value: c, label: t(`cu_${c}` as CreditKey) }))} />
            </Form.Item>
          ) : null}
          {isRepair ? (
            <Form.Item name="harmRemoved" label={t('harmRemoved')} rules={[{ required: true, whitespace: true, min: 4 }]}>
              <Input.TextArea rows={2} maxLength={2000} onBlur={(e) => setHarmForCheck(e.target.value.trim())} />
            </Form.Item>
          ) : null}
          {isRepair && entryId ? (
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
                    type={check.eligible ? 'success' : onlyFormMissing ? 'info' : 'warning'}
                    showIcon
                    title={check.eligible ? t('checkResultOk') : onlyFormMissing ? t('checkResultFormOnly') : t('checkResultBad')}
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
              data-testid="application-refusal"
              title={refusal.conditions.length > 0 ? t('refused') : t('notLodged')}
              description={refusal.conditions.length > 0 ? <RepairConditions conditions={refusal.conditions} /> : pick(refusal.message)}
            />
          ) : null}
          <Form.Item name="reason" label={t(words.reason)} extra={words.reasonHint ? t(words.reasonHint) : undefined} rules={[{ required: true, whitespace: true, min: 4 }]}>
            <Input.TextArea rows={isRepair ? 3 : 4} maxLength={2000} showCount={!isRepair} />
          </Form.Item>
          {isRepair ? (
            <Form.Item name="commitment" label={t('commitment')} extra={t('commitmentHint')} rules={[{ required: true, whitespace: true, min: 4 }]}>
              <Input.TextArea rows={3} maxLength={4000} />
            </Form.Item>
          ) : null}
          <Form.Item label={t('files')} extra={t(words.attachHint)}>
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

/**
 * When the entry was published and that the period is 30 days from then. The exact last day (moved
 * past rest days) is the server's to compute; it refuses a late objection with that date.
 */
function ObjectionWindow({ entry }: { entry: ListEntry }) {
  const t = useT(creditStrings);
  return (
    <Alert
      style={{ marginBottom: 16 }}
      type="info"
      showIcon
      data-testid="objection-window"
      title={entry.publishedOn ? t('objectionWindow', { date: entry.publishedOn }) : t('objectionNotPublished')}
      description={entry.groundsText ?? undefined}
    />
  );
}

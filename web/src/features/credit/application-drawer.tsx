/**
 * One repair application or objection: what was asked, the statutory step deadlines as countdowns,
 * the conditions checked, the proof files, and the officer's two steps (受理, then 核实并决定).
 */
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Drawer, Form, Input, List, Modal, Radio, Skeleton, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Application, ApplicationKind } from '@contracts/credit-repair';
import { PersonName } from '@/components/person-name';
import { useNotifyError } from '@/components/use-notify';
import { useAuth } from '@/lib/auth';
import { useDict } from '@/lib/dicts';
import { formatDateTime, formatSize } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { downloadApplicationFile, useAcceptApplication, useApplication, useAttachApplicationFile, useDecideApplication } from './api/applications';
import { StepDeadline } from './display';
import { creditStrings, type CreditKey } from './i18n';
import { RepairConditions } from './repair-conditions';

const STATUS_COLOURS: Record<string, string> = { submitted: 'gold', accepted: 'blue', not_accepted: 'default', approved: 'green', denied: 'red', withdrawn: 'default' };

/** The kind-specific words: an objection is upheld or dismissed, not approved or denied. */
export const KIND_WORDS: Record<ApplicationKind, { title: CreditKey; approve: CreditKey; deny: CreditKey; stopBy: CreditKey; conditions: CreditKey; conditionsHint: CreditKey }> = {
  repair: { title: 'applyRepair', approve: 'approveRepair', deny: 'denyRepair', stopBy: 'stopBy', conditions: 'conditions', conditionsHint: 'conditionsHint' },
  objection: { title: 'kind_objection', approve: 'upholdObjection', deny: 'dismissObjection', stopBy: 'correctBy', conditions: 'objectionConditions', conditionsHint: 'objectionConditionsHint' },
};

/** How a step's clock will run while it has not started; nothing once the application is closed. */
export function pendingSteps(kind: ApplicationKind, a: Pick<Application, 'status'>): { decide: CreditKey | null; stop: CreditKey | null } {
  return {
    decide: a.status === 'submitted' ? (`pendingDecide_${kind}` as const) : null,
    stop: a.status === 'submitted' || a.status === 'accepted' ? (`pendingStop_${kind}` as const) : null,
  };
}

/** The status key: an objection's decision reads 异议成立 / 异议不成立. */
export function statusKey(kind: ApplicationKind, status: string): CreditKey {
  return (kind === 'objection' && (status === 'approved' || status === 'denied') ? `as_${status}_objection` : `as_${status}`) as CreditKey;
}

export function AppStatus({ kind, status }: { kind: ApplicationKind; status: string }) {
  const t = useT(creditStrings);
  return <Tag color={STATUS_COLOURS[status]}>{t(statusKey(kind, status))}</Tag>;
}

/** 受理 / 不予受理 and the decision: one dialog, two steps. */
function HandleModal({ kind, app, step, onClose }: { kind: ApplicationKind; app: Application; step: 'accept' | 'decide'; onClose(): void }) {
  const t = useT(creditStrings);
  const tc = useT(common);
  const notify = useNotifyError();
  const { message } = App.useApp();
  const accept = useAcceptApplication(kind);
  const decide = useDecideApplication(kind);
  const words = KIND_WORDS[kind];
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
      <Form form={form} layout="vertical" name={`${kind}-${step}`} initialValues={{ yes: true }} onFinish={(v) => void run(v)}>
        <Form.Item name="yes">
          <Radio.Group
            options={
              step === 'accept'
                ? [
                    { value: true, label: t('accept') },
                    { value: false, label: t('notAccept') },
                  ]
                : [
                    { value: true, label: t(words.approve) },
                    { value: false, label: t(words.deny) },
                  ]
            }
          />
        </Form.Item>
        {kind === 'objection' && step === 'decide' && yes ? <Alert style={{ marginBottom: 16 }} type="info" showIcon title={t('objectionDecideHint')} /> : null}
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

export function ApplicationDrawer({ kind, id, onClose }: { kind: ApplicationKind; id: number | null; onClose(): void }) {
  const t = useT(creditStrings);
  const { can, me } = useAuth();
  const notify = useNotifyError();
  const lists = useDict('credit_list');
  const { data: a, isLoading, error } = useApplication(kind, id);
  const attach = useAttachApplicationFile(kind);
  const [step, setStep] = useState<'accept' | 'decide' | null>(null);
  const canHandle = can('credit:repair:handle');
  const words = KIND_WORDS[kind];
  const isRepair = kind === 'repair';
  const pending = a ? pendingSteps(kind, a) : { decide: null, stop: null };
  return (
    <Drawer
      title={a ? `${t(words.title)} #${a.id}` : ''}
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
        error ? null : <Skeleton active />
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
            {isRepair ? (
              <Descriptions.Item label={t('target')}>{a.target ? t(`tg_${a.target}` as CreditKey) : t('noDate')}</Descriptions.Item>
            ) : (
              <Descriptions.Item label={t('listEntry')}>
                {can('credit:list:list') ? <Link to={`/credit/lists?list=${a.list}&keyword=${a.uscc}`}>#{a.entryId}</Link> : `#${a.entryId}`}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('status')}>
              <AppStatus kind={kind} status={a.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('submittedOn')}>
              {a.submittedOn} · <PersonName name={a.submittedByName} username={a.submittedBy} />
            </Descriptions.Item>
            <Descriptions.Item label={t('acceptBy')}>
              <StepDeadline c={a.accept} />
            </Descriptions.Item>
            <Descriptions.Item label={t('decideBy')}>
              <StepDeadline c={a.decide} pending={pending.decide && t(pending.decide)} />
            </Descriptions.Item>
            <Descriptions.Item label={t(words.stopBy)} span={2}>
              <StepDeadline c={a.stopPublication} pending={pending.stop && t(pending.stop)} />
            </Descriptions.Item>
            <Descriptions.Item label={isRepair ? t('reason') : t('objectionReason')} span={2}>
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{a.reason}</Typography.Paragraph>
            </Descriptions.Item>
            {isRepair ? (
              <Descriptions.Item label={t('commitment')} span={2}>
                <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{a.commitment ?? t('noDate')}</Typography.Paragraph>
              </Descriptions.Item>
            ) : null}
            {a.handledBy ? (
              <Descriptions.Item label={t('handledBy')} span={2}>
                <PersonName name={a.handledByName} username={a.handledBy} />
                {a.decisionComment ? `：${a.decisionComment}` : ''}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <div>
            <Typography.Title level={5}>{t(words.conditions)}</Typography.Title>
            <Typography.Paragraph type="secondary">{t(words.conditionsHint)}</Typography.Paragraph>
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
                    attach.mutate({ id: a.id, file: f }, { onError: (err) => notify(err) });
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
                    <a onClick={() => void downloadApplicationFile(kind, a.id, f.id).catch(notify)}>
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
      {a && step ? <HandleModal kind={kind} app={a} step={step} onClose={() => setStep(null)} /> : null}
    </Drawer>
  );
}

/** The officer's steps on a list entry: approve, publish, record the cure, remove, revoke. */
import { Alert, App, Button, DatePicker, Form, Input, Modal, Popconfirm, Radio, Space, Tooltip } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { ListEntry } from '@contracts/credit-lists';
import { useNotifyError } from '@/components/use-notify';
import { ApiError } from '@/lib/api-client';
import { useAuth } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { useApproveListEntry, useCureListEntry, usePublishListEntry, useRemoveListEntry, useRevokeListEntry } from './api/lists';
import { creditStrings } from './i18n';

type Action = 'approve' | 'remove' | 'revoke' | 'cure';

const ACTIVE = ['listed', 'published'];
const notFuture = (d: Dayjs) => d.isAfter(dayjs(), 'day');

/** Which steps the user may take on this entry now (the server checks again). */
export function availableActions(e: ListEntry, can: (p: string) => boolean): { approve: boolean; publish: boolean; cure: boolean; remove: boolean; revoke: boolean } {
  const honour = e.list === 'red' || e.list === 'black';
  return {
    // A red or black round's members are approved with the round (on the 红黑榜 page), not one by one.
    approve: e.status === 'pending_approval' && e.roundId === null && can('credit:list:approve'),
    publish: e.status === 'listed' && !honour && can('credit:list:create'),
    cure: e.list === 'abnormal' && ACTIVE.includes(e.status) && !e.curedOn && can('credit:list:create'),
    remove: ACTIVE.includes(e.status) && can('credit:list:remove'),
    revoke: !honour && [...ACTIVE, 'pending_approval'].includes(e.status) && can('credit:list:remove'),
  };
}

function StepModal({ entry, action, onClose }: { entry: ListEntry; action: Action; onClose(): void }) {
  const t = useT(creditStrings);
  const tc = useT(common);
  const notify = useNotifyError();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const approve = useApproveListEntry();
  const remove = useRemoveListEntry();
  const revoke = useRevokeListEntry();
  const cure = useCureListEntry();
  const busy = approve.isPending || remove.isPending || revoke.isPending || cure.isPending;
  const title = { approve: t('approveTitle'), remove: t('removeTitle'), revoke: t('revokeTitle'), cure: t('cureTitle') }[action];

  const run = async (v: { approve?: boolean; approvalNo?: string; comment?: string; reason?: string; decidedOn?: Dayjs; curedOn?: Dayjs; note?: string }) => {
    setError(null);
    try {
      if (action === 'approve') await approve.mutateAsync({ id: entry.id, approve: v.approve!, approvalNo: v.approvalNo?.trim() || undefined, comment: v.comment?.trim() || undefined });
      if (action === 'remove') await remove.mutateAsync({ id: entry.id, reason: v.reason!.trim(), decidedOn: v.decidedOn?.format('YYYY-MM-DD') });
      if (action === 'revoke') await revoke.mutateAsync({ id: entry.id, reason: v.reason!.trim(), decidedOn: v.decidedOn?.format('YYYY-MM-DD') });
      if (action === 'cure') await cure.mutateAsync({ id: entry.id, curedOn: v.curedOn!.format('YYYY-MM-DD'), note: v.note?.trim() || undefined });
      message.success(tc('saved'));
      onClose();
    } catch (err) {
      // Refusals the officer must read in place (self-approval, too early): keep the dialog open with the reason.
      if (err instanceof ApiError && ['APPROVAL_SELF', 'REMOVAL_TOO_EARLY', 'LIST_STEP_INVALID'].includes(err.code)) {
        setError(err.code === 'APPROVAL_SELF' ? `${err.message}（${t('selfApproval')}）` : err.message);
      } else notify(err);
    }
  };

  return (
    <Modal title={title} open onCancel={onClose} onOk={() => form.submit()} okText={tc('ok')} confirmLoading={busy} destroyOnHidden>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <div>
          {entry.entityName}（{entry.uscc}）
        </div>
        {error ? <Alert type="error" showIcon title={error} data-testid="step-error" /> : null}
        <Form form={form} layout="vertical" name={`entry-${action}`} initialValues={{ approve: true }} onFinish={(v) => void run(v)}>
          {action === 'approve' ? (
            <>
              <Form.Item name="approve" label={t('approve')}>
                <Radio.Group
                  options={[
                    { value: true, label: t('approveYes') },
                    { value: false, label: t('approveNo') },
                  ]}
                />
              </Form.Item>
              <Form.Item name="approvalNo" label={t('approvalNo')}>
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item name="comment" label={t('approvalComment')}>
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
            </>
          ) : action === 'cure' ? (
            <>
              <Form.Item name="curedOn" label={t('curedOn')} rules={[{ required: true }]}>
                <DatePicker disabledDate={notFuture} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="note" label={t('note')}>
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
            </>
          ) : (
            <>
              <Form.Item name="reason" label={t('reason')} rules={[{ required: true, whitespace: true }]}>
                <Input.TextArea rows={3} maxLength={500} />
              </Form.Item>
              <Form.Item name="decidedOn" label={t('decidedOn')}>
                <DatePicker disabledDate={notFuture} style={{ width: '100%' }} placeholder={dayjs().format('YYYY-MM-DD')} />
              </Form.Item>
            </>
          )}
        </Form>
      </Space>
    </Modal>
  );
}

/** The row's action links. */
export function EntryActions({ entry, onDetail }: { entry: ListEntry; onDetail?(): void }) {
  const t = useT(creditStrings);
  const { can, me } = useAuth();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const publish = usePublishListEntry();
  const [action, setAction] = useState<Action | null>(null);
  const a = availableActions(entry, can);
  // Its compiler may not approve a listing (Order 44 Art. 22; the server refuses too): say so on the
  // button instead of letting them fill in the dialog first.
  const ownListing = entry.createdBy === me?.user.username;
  return (
    <Space size={0} wrap>
      {onDetail ? (
        <Button type="link" size="small" onClick={onDetail}>
          {t('detail')}
        </Button>
      ) : null}
      {a.approve && ownListing ? (
        <Tooltip title={t('selfApprovalTooltip')}>
          <Button type="link" size="small" disabled data-testid="approve-own">
            {t('approve')}
          </Button>
        </Tooltip>
      ) : a.approve ? (
        <Button type="link" size="small" onClick={() => setAction('approve')}>
          {t('approve')}
        </Button>
      ) : null}
      {a.publish ? (
        <Popconfirm
          title={t('publishConfirm')}
          onConfirm={async () => {
            try {
              await publish.mutateAsync(entry.id);
              message.success(t('published'));
            } catch (err) {
              notify(err);
            }
          }}
        >
          <Button type="link" size="small">
            {t('publish')}
          </Button>
        </Popconfirm>
      ) : null}
      {a.cure ? (
        <Button type="link" size="small" onClick={() => setAction('cure')}>
          {t('cure')}
        </Button>
      ) : null}
      {a.remove ? (
        <Button type="link" size="small" onClick={() => setAction('remove')}>
          {t('remove')}
        </Button>
      ) : null}
      {a.revoke ? (
        <Button type="link" size="small" danger onClick={() => setAction('revoke')}>
          {t('revoke')}
        </Button>
      ) : null}
      {action ? <StepModal entry={entry} action={action} onClose={() => setAction(null)} /> : null}
    </Space>
  );
}

import { App, Button, Popconfirm, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { useNotifyError } from './use-notify';

/**
 * A table row's 删除 link: asks 确认删除「name」吗？, then runs `onDelete` and says 已删除 (or shows
 * the API error). With `disabledReason` the link is disabled and the reason is its tooltip.
 */
export function DeleteAction({
  name,
  title,
  description,
  dangerOk = false,
  disabledReason,
  onDelete,
}: {
  /** What is deleted, for the default question. */
  name: string;
  /** A question other than 确认删除「name」吗？. */
  title?: ReactNode;
  description?: ReactNode;
  /** The confirm button says 删除, in red (instead of 确定). */
  dangerOk?: boolean;
  /** Why this row cannot be deleted; the link shows disabled. */
  disabledReason?: ReactNode;
  onDelete(): Promise<unknown>;
}) {
  const tc = useT(common);
  const { message } = App.useApp();
  const notify = useNotifyError();

  if (disabledReason) {
    return (
      <Tooltip title={disabledReason}>
        <Button type="link" size="small" danger disabled>
          {tc('delete')}
        </Button>
      </Tooltip>
    );
  }
  return (
    <Popconfirm
      title={title ?? tc('confirmDelete', { name })}
      description={description}
      {...(dangerOk ? { okText: tc('delete'), cancelText: tc('cancel'), okButtonProps: { danger: true } } : {})}
      // The confirm button spins while the promise runs.
      onConfirm={async () => {
        try {
          await onDelete();
          message.success(tc('deleted'));
        } catch (err) {
          notify(err);
        }
      }}
    >
      <Button type="link" size="small" danger>
        {tc('delete')}
      </Button>
    </Popconfirm>
  );
}

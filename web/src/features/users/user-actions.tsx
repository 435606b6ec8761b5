import { DownOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Popconfirm, Space, Tooltip, type MenuProps } from 'antd';
import type { User } from '@contracts/system';
import { useNotifyError } from '@/components/use-notify';
import { useAuth } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { useSetUserStatus } from './api/set-user-status';
import { useUnlockUser } from './api/unlock-user';
import { userStrings } from './i18n';

/**
 * A row's actions, each shown only with its permission (RuoYi layout): edit, disable/enable, and
 * "more" with reset password and unlock (only while the account is locked).
 */
export function UserActions({ user, onEdit, onResetPassword }: { user: User; onEdit(user: User): void; onResetPassword(user: User): void }) {
  const t = useT(userStrings);
  const tc = useT(common);
  const { can, me } = useAuth();
  const { message, modal } = App.useApp();
  const notify = useNotifyError();
  const setStatus = useSetUserStatus();
  const unlock = useUnlockUser();
  const isSelf = me?.user.id === user.id;
  const active = user.status === 'active';

  const toggleStatus = async () => {
    try {
      await setStatus.mutateAsync({ id: user.id, status: active ? 'disabled' : 'active' });
      message.success(active ? t('disabledDone') : t('enabledDone'));
    } catch (err) {
      notify(err);
    }
  };

  const confirmUnlock = () =>
    modal.confirm({
      title: t('confirmUnlock', { name: user.displayName }),
      okText: t('unlock'),
      cancelText: tc('cancel'),
      onOk: async () => {
        try {
          await unlock.mutateAsync(user.id);
          message.success(t('unlocked'));
        } catch (err) {
          notify(err);
        }
      },
    });

  const more: NonNullable<MenuProps['items']> = [];
  if (can('system:user:reset-password')) more.push({ key: 'reset', label: t('resetPassword'), onClick: () => onResetPassword(user) });
  if (user.locked && can('system:user:unlock')) more.push({ key: 'unlock', label: t('unlock'), onClick: confirmUnlock });

  const statusButton = (
    <Button type="link" size="small" danger={active} disabled={isSelf && active}>
      {active ? t('disable') : t('enable')}
    </Button>
  );

  return (
    <Space size={0}>
      {can('system:user:update') ? (
        <Button type="link" size="small" onClick={() => onEdit(user)}>
          {tc('edit')}
        </Button>
      ) : null}
      {can('system:user:update') ? (
        isSelf && active ? (
          <Tooltip title={t('selfDisable')}>{statusButton}</Tooltip>
        ) : (
          <Popconfirm
            title={active ? t('confirmDisable', { name: user.displayName }) : t('confirmEnable', { name: user.displayName })}
            description={active ? t('confirmDisableHint') : undefined}
            okText={active ? t('disable') : t('enable')}
            cancelText={tc('cancel')}
            okButtonProps={{ danger: active, loading: setStatus.isPending }}
            onConfirm={toggleStatus}
          >
            {statusButton}
          </Popconfirm>
        )
      ) : null}
      {more.length > 0 ? (
        <Dropdown menu={{ items: more }} trigger={['click']}>
          <Button type="link" size="small">
            {t('more')} <DownOutlined />
          </Button>
        </Dropdown>
      ) : null}
    </Space>
  );
}

import { Tooltip, Typography } from 'antd';
import { useT } from '@/lib/i18n';

const strings = {
  loginName: ['登录名：{username}', 'Login name: {username}'],
  system: ['系统', 'System'],
  noAccount: ['系统中无此账号', 'No such account'],
} as const;

/** "王质量（天津市…办公室）" → ["王质量", "天津市…办公室"]; a name without a department stays whole. */
function split(name: string): [string, string | null] {
  const m = /^(.+?)（(.+)）$/.exec(name);
  return m ? [m[1]!, m[2]!] : [name, null];
}

/**
 * Who did something, as a civil servant reads it: the person and their department (the server's
 * `…ByName`), with the login name, which the audit log and the approval rules use, on hover.
 * `compact` (table cells): the person's name only; the department moves into the tooltip. An
 * account the server does not know shows its login name; the system actor (data loads, the daily
 * clock) shows 系统.
 */
export function PersonName({ name, username, compact = false }: { name: string | null | undefined; username: string | null | undefined; compact?: boolean }) {
  const t = useT(strings);
  if (!username) return <Typography.Text type="secondary">—</Typography.Text>;
  // The system actor is `system`, or `system:<job>` for a scheduled job (the monthly risk recompute).
  const system = !name && (username === 'system' || username.startsWith('system:'));
  const [person, dept] = name ? split(name) : [system ? t('system') : username, null];
  const lines = [compact && dept ? name : null, t('loginName', { username }), name || system ? null : t('noAccount')].filter(Boolean);
  return (
    <Tooltip title={<span style={{ whiteSpace: 'pre-line' }}>{lines.join('\n')}</span>}>
      <span data-testid="person-name" data-username={username}>
        {compact || !name ? person : name}
      </span>
    </Tooltip>
  );
}

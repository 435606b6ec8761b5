import { Alert, Descriptions, Drawer, Space, Tag, Typography } from 'antd';
import type { AuditEntry } from '@contracts/logs';
import { formatDateTime } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { AuditDiff } from './audit-diff';
import { CodeLabel } from './code-label';
import { HashText } from './hash-text';
import { auditStrings } from './i18n';

/** One audit entry: who did what to which record, the before/after snapshots, and its chain links. */
export function AuditDetail({ entry, onClose }: { entry: AuditEntry | null; onClose(): void }) {
  const t = useT(auditStrings);
  const tc = useT(common);
  const dash = <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Drawer title={entry ? t('detailTitle', { seq: entry.seq }) : ''} open={entry !== null} onClose={onClose} size={1000}>
      {entry ? (
        <Space orientation="vertical" size={20} style={{ width: '100%' }}>
          <Descriptions
            bordered
            size="small"
            column={2}
            styles={{ label: { width: 110 } }}
            items={[
              { key: 'time', label: t('time'), children: formatDateTime(entry.occurredAt) },
              { key: 'action', label: t('action'), children: <CodeLabel dict="sys_audit_action" value={entry.action} /> },
              { key: 'actor', label: t('actor'), children: entry.actorUsername ?? dash },
              { key: 'roles', label: t('roles'), children: entry.actorRoles.length ? entry.actorRoles.map((r) => <Tag key={r}>{r}</Tag>) : dash },
              { key: 'dept', label: t('dept'), children: entry.actorDeptName ?? dash },
              { key: 'ip', label: t('ip'), children: entry.ip ?? dash },
              {
                key: 'target',
                label: t('target'),
                children: (
                  <Space size={4} wrap>
                    <CodeLabel dict="sys_audit_target" value={entry.targetType} />
                    {entry.targetId ? <Typography.Text style={{ fontFamily: 'monospace' }}>#{entry.targetId}</Typography.Text> : null}
                  </Space>
                ),
              },
              {
                key: 'rid',
                label: tc('requestId'),
                children: entry.requestId ? (
                  <Typography.Text copyable style={{ fontFamily: 'monospace' }}>
                    {entry.requestId}
                  </Typography.Text>
                ) : (
                  dash
                ),
              },
            ]}
          />
          <div>
            <Typography.Title level={5}>{t('changes')}</Typography.Title>
            <AuditDiff key={entry.seq} before={entry.before} after={entry.after} />
          </div>
          <div>
            <Typography.Title level={5}>{t('chain')}</Typography.Title>
            <Descriptions
              bordered
              size="small"
              column={1}
              styles={{ label: { width: 140 } }}
              items={[
                { key: 'prev', label: t('prevHash'), children: <HashText value={entry.prevHash} /> },
                { key: 'hash', label: t('hash'), children: <HashText value={entry.hash} /> },
              ]}
            />
            <Alert type="info" showIcon title={t('chainHint')} style={{ marginTop: 8 }} />
          </div>
        </Space>
      ) : null}
    </Drawer>
  );
}

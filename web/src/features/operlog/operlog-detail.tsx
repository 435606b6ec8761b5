import { Descriptions, Drawer, Tag, Typography } from 'antd';
import type { OperLog } from '@contracts/logs';
import { JsonBlock } from '@/components/json-block';
import { DictTag } from '@/lib/dicts';
import { formatDateTime } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { operlogStrings } from './i18n';

/** Everything recorded about one operation: where it went, what it sent, how it ended. */
export function OperLogDetail({ log, onClose }: { log: OperLog | null; onClose(): void }) {
  const t = useT(operlogStrings);
  const tc = useT(common);
  const dash = <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Drawer title={log ? t('detailTitle', { id: log.id }) : ''} open={log !== null} onClose={onClose} size={760}>
      {log ? (
        <>
          <Descriptions
            bordered
            size="small"
            column={2}
            styles={{ label: { width: 120 } }}
            items={[
              { key: 'title', label: t('module'), children: log.title },
              { key: 'type', label: t('operType'), children: <DictTag type="sys_oper_type" value={log.operType} /> },
              { key: 'name', label: t('operName'), children: log.operName ?? dash },
              { key: 'dept', label: t('deptName'), children: log.deptName ?? dash },
              { key: 'ip', label: t('operIp'), children: log.operIp ?? dash },
              { key: 'time', label: t('operTime'), children: formatDateTime(log.operTime) },
              { key: 'status', label: tc('status'), children: <DictTag type="sys_oper_status" value={log.status} /> },
              { key: 'cost', label: t('costTime'), children: t('ms', { n: log.costTime }) },
              {
                key: 'url',
                label: t('operUrl'),
                span: 2,
                children: (
                  <Typography.Text copyable={{ text: log.operUrl }} style={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
                    <Tag>{log.requestMethod}</Tag>
                    {log.operUrl}
                  </Typography.Text>
                ),
              },
              { key: 'method', label: t('handler'), span: 2, children: log.method ? <Typography.Text code>{log.method}</Typography.Text> : dash },
              { key: 'http', label: t('httpStatus'), children: <Tag color={log.httpStatus >= 400 ? 'red' : 'green'}>{log.httpStatus}</Tag> },
              {
                key: 'rid',
                label: tc('requestId'),
                children: (
                  <Typography.Text copyable style={{ fontFamily: 'monospace' }}>
                    {log.requestId}
                  </Typography.Text>
                ),
              },
              { key: 'code', label: t('errorCode'), span: 2, children: log.errorCode ? <Typography.Text type="danger">{log.errorCode}</Typography.Text> : dash },
              { key: 'msg', label: t('errorMsg'), span: 2, children: log.errorMsg ? <Typography.Text type="danger">{log.errorMsg}</Typography.Text> : dash },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            {t('operParam')}
          </Typography.Title>
          {log.operParam ? <JsonBlock value={log.operParam} maxHeight={480} /> : <Typography.Text type="secondary">{t('noParam')}</Typography.Text>}
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
            {t('passwordsMasked')}
          </Typography.Paragraph>
        </>
      ) : null}
    </Drawer>
  );
}

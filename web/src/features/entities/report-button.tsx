import { DownloadOutlined, DownOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useState } from 'react';
import { api } from '@/lib/api-client';
import { useAuth } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { useNotifyError } from '@/components/use-notify';
import { entityStrings } from './i18n';

/**
 * 企业质量信用报告 (Word) in one click: the internal version for staff, the public version (public
 * records only) for anyone who may hand it out. Enterprises get their own public-or-own version.
 */
export function ReportButton({ uscc, enterprise }: { uscc: string; enterprise: boolean }) {
  const { can } = useAuth();
  const t = useT(entityStrings);
  const notify = useNotifyError();
  const [busy, setBusy] = useState(false);
  if (!can('credit:report:export')) return null;
  const download = async (version: 'internal' | 'public') => {
    setBusy(true);
    try {
      await api.download(`/api/credit/entities/${uscc}/report`, { version, years: 3 });
    } catch (err) {
      notify(err);
    } finally {
      setBusy(false);
    }
  };
  if (enterprise) {
    return (
      <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void download('public')} data-testid="report-download">
        {t('reportDownload')}
      </Button>
    );
  }
  return (
    <Dropdown.Button
      icon={<DownOutlined />}
      loading={busy}
      onClick={() => void download('internal')}
      menu={{ items: [{ key: 'public', label: t('reportPublic') }], onClick: () => void download('public') }}
      data-testid="report-download"
    >
      <DownloadOutlined /> {t('reportDownload')}
    </Dropdown.Button>
  );
}

import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { api } from '@/lib/api-client';
import { useAuth } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { useNotifyError } from './use-notify';

type Query = Record<string, string | number | boolean | null | undefined>;

/** Export what the list shows (same filters) as .xlsx. Hidden without the export permission. */
export function ExportButton({ url, query, permission }: { url: string; query?: Query; permission: string }) {
  const { can } = useAuth();
  const t = useT(common);
  const notify = useNotifyError();
  const [busy, setBusy] = useState(false);
  if (!can(permission)) return null;
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={busy}
      onClick={async () => {
        setBusy(true);
        try {
          await api.download(url, query);
        } catch (err) {
          notify(err);
        } finally {
          setBusy(false);
        }
      }}
    >
      {t('export')}
    </Button>
  );
}

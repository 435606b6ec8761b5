import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space, Upload } from 'antd';
import { useState } from 'react';
import type { ImportRowError } from '@contracts/common';
import { api, ApiError } from '@/lib/api-client';
import { useNotifyError } from '@/components/use-notify';
import { useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { useImportPlanFile } from './api/import-plan';
import { planStrings } from './i18n';
import { useOpenImported } from './use-open-imported';

/** Upload one .txt or .docx document; errors (wrong type, broken Word file, too large) stay in the dialog. */
export function ImportFileModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const t = useT(planStrings);
  const tc = useT(common);
  const importFile = useImportPlanFile();
  const notify = useNotifyError();
  const openImported = useOpenImported();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<{ message: string; requestId?: string; rows?: ImportRowError[] } | null>(null);

  const close = () => {
    setFile(null);
    setError(null);
    onClose();
  };

  const run = async () => {
    if (!file) return;
    setError(null);
    try {
      const outcome = await importFile.mutateAsync(file);
      close();
      openImported(outcome);
    } catch (err) {
      // An Excel task list with bad rows names each row and column, as in the file.
      const rows = err instanceof ApiError ? (err.details as { errors?: ImportRowError[] } | undefined)?.errors : undefined;
      setError(err instanceof ApiError ? { message: err.message, requestId: err.requestId, ...(rows ? { rows } : {}) } : { message: String(err) });
    }
  };

  return (
    <Modal
      title={t('importFileTitle')}
      open={open}
      width={620}
      onCancel={close}
      onOk={() => void run()}
      okText={t('importRun')}
      cancelText={tc('cancel')}
      okButtonProps={{ disabled: !file }}
      confirmLoading={importFile.isPending}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Alert
          type="info"
          showIcon
          title={t('importFileHint')}
          action={
            <Button size="small" icon={<DownloadOutlined />} onClick={() => void api.download('/api/plans/import-template').catch(notify)}>
              {t('sheetTemplate')}
            </Button>
          }
        />
        <Upload.Dragger
          accept=".txt,.docx,.xlsx"
          maxCount={1}
          beforeUpload={(f) => {
            setFile(f);
            setError(null);
            return false;
          }}
          onRemove={() => {
            setFile(null);
            setError(null);
          }}
          fileList={file ? [{ uid: '1', name: file.name, status: error ? 'error' : 'done' }] : []}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('dragHint')}</p>
          <p className="ant-upload-hint">{t('dragTypes')}</p>
        </Upload.Dragger>
        {error ? (
          <Alert
            type="error"
            showIcon
            title={t('importFailed')}
            description={
              <>
                {error.message}
                {error.rows?.length ? (
                  <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }} data-testid="import-row-errors">
                    {error.rows.slice(0, 20).map((r, i) => (
                      <li key={i}>{t('rowError', { row: r.row, column: r.column, message: r.message })}</li>
                    ))}
                  </ul>
                ) : null}
                {error.requestId ? <div style={{ fontSize: 12, opacity: 0.7 }}>{`${tc('requestId')}: ${error.requestId}`}</div> : null}
              </>
            }
            data-testid="import-error"
          />
        ) : null}
      </Space>
    </Modal>
  );
}

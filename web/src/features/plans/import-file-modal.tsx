import { InboxOutlined } from '@ant-design/icons';
import { Alert, Modal, Space, Upload } from 'antd';
import { useState } from 'react';
import { ApiError } from '@/lib/api-client';
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
  const openImported = useOpenImported();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<{ message: string; requestId?: string } | null>(null);

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
      setError(err instanceof ApiError ? { message: err.message, requestId: err.requestId } : { message: String(err) });
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
        <Alert type="info" showIcon title={t('importFileHint')} />
        <Upload.Dragger
          accept=".txt,.docx"
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

import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Modal, Space, Table, Upload } from 'antd';
import { useState } from 'react';
import type { ImportResult, ImportRowError } from '@contracts/common';
import { api, ApiError } from '@/lib/api-client';
import { useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { useNotifyError } from './use-notify';

/**
 * Excel import: download the template, choose a file, import. Errors are listed per row (numbered as
 * in the file); nothing is imported while there are errors unless the user ticks "import valid rows"
 * (offered only where the import supports it: `allowSkipInvalid`, default true).
 */
export function ImportModal({
  open,
  onClose,
  uploadUrl,
  templateUrl,
  onImported,
  allowSkipInvalid = true,
}: {
  open: boolean;
  onClose(): void;
  uploadUrl: string;
  templateUrl: string;
  onImported(result: ImportResult): void;
  allowSkipInvalid?: boolean;
}) {
  const t = useT(common);
  const notify = useNotifyError();
  const [file, setFile] = useState<File | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<ImportRowError[]>([]);
  const [result, setResult] = useState<ImportResult | null>(null);

  const reset = () => {
    setFile(null);
    setErrors([]);
    setResult(null);
    setSkipInvalid(false);
  };

  const run = async () => {
    if (!file) return;
    setBusy(true);
    setErrors([]);
    setResult(null);
    try {
      const r = await api.upload<ImportResult>(uploadUrl, file, allowSkipInvalid ? { skipInvalid } : undefined);
      setResult(r);
      setErrors(r.errors);
      onImported(r);
    } catch (err) {
      const rows = err instanceof ApiError ? (err.details as { errors?: ImportRowError[] } | undefined)?.errors : undefined;
      if (rows) setErrors(rows);
      else notify(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={t('importTitle')}
      open={open}
      width={760}
      onCancel={() => {
        reset();
        onClose();
      }}
      footer={[
        <Button key="template" onClick={() => void api.download(templateUrl).catch(notify)}>
          {t('downloadTemplate')}
        </Button>,
        <Button key="run" type="primary" disabled={!file} loading={busy} onClick={() => void run()}>
          {t('importRun')}
        </Button>,
      ]}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Alert type="info" showIcon title={t('importHint')} />
        <Upload.Dragger
          accept=".xlsx"
          maxCount={1}
          beforeUpload={(f) => {
            setFile(f);
            setErrors([]);
            setResult(null);
            return false;
          }}
          onRemove={() => setFile(null)}
          fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p>{t('importChoose')} (.xlsx)</p>
        </Upload.Dragger>
        {allowSkipInvalid ? (
          <Checkbox checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)}>
            {t('importSkipInvalid')}
          </Checkbox>
        ) : null}
        {result ? <Alert type="success" showIcon title={t('importResult', { inserted: result.inserted, updated: result.updated, unchanged: result.unchanged, skipped: result.skipped })} /> : null}
        {errors.length > 0 && !result ? <Alert type="error" showIcon title={t('importErrors', { count: errors.length })} /> : null}
        {errors.length > 0 ? (
          <Table<ImportRowError>
            size="small"
            rowKey={(r) => `${r.row}-${r.column}-${r.message}`}
            dataSource={errors}
            pagination={{ pageSize: 8 }}
            columns={[
              { title: t('row'), dataIndex: 'row', width: 70 },
              { title: t('column'), dataIndex: 'column', width: 140 },
              { title: t('message'), dataIndex: 'message' },
            ]}
          />
        ) : null}
      </Space>
    </Modal>
  );
}

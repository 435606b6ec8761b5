import { Form, Input, Modal } from 'antd';
import { useNotifyError } from '@/components/use-notify';
import { useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { useImportPlanText } from './api/import-plan';
import { planStrings } from './i18n';
import { useOpenImported } from './use-open-imported';

interface PasteValues {
  text: string;
  sourceName?: string;
}

/** Paste a plan's full text (copied from a website or a PDF) instead of uploading a file. */
export function PasteTextModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const t = useT(planStrings);
  const tc = useT(common);
  const notify = useNotifyError();
  const importText = useImportPlanText();
  const openImported = useOpenImported();
  const [form] = Form.useForm<PasteValues>();

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      const outcome = await importText.mutateAsync({ text: v.text, sourceName: v.sourceName?.trim() || null });
      onClose();
      openImported(outcome);
    } catch (err) {
      notify(err);
    }
  };

  return (
    <Modal
      title={t('pasteTitle')}
      open={open}
      width={860}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('importRun')}
      cancelText={tc('cancel')}
      confirmLoading={importText.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="text" label={t('pasteHint')} rules={[{ required: true, whitespace: true, message: t('pasteRequired') }]}>
          <Input.TextArea rows={18} placeholder={t('pastePlaceholder')} maxLength={2_000_000} style={{ fontSize: 13 }} />
        </Form.Item>
        <Form.Item name="sourceName" label={t('sourceName')}>
          <Input placeholder={t('sourceNamePlaceholder')} maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

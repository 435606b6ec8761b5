/**
 * 公文设置: who issues the official documents the product produces (the assessment 通报, the
 * enterprise credit report) — the red letterhead, the signature, the 机关代字 of their numbers and
 * the printer of the colophon — with a preview of the letterhead as it prints.
 */
import { App, Button, Card, Col, Descriptions, Form, Input, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { updateDocIssuerBody, type DocIssuer, type UpdateDocIssuerBody } from '@contracts/system';
import { PageContainer } from '@/components/page-container';
import { showServerFieldErrors } from '@/components/server-field-errors';
import { useNotifyError } from '@/components/use-notify';
import { useAuth } from '@/lib/auth';
import { formatDateTime } from '@/lib/format';
import { useLang, usePick, useT } from '@/lib/i18n';
import { zodRule } from '@/lib/form-rules';
import { common } from '@/locales/common';
import { useDocIssuers } from './api/get-doc-issuers';
import { useUpdateDocIssuer } from './api/update-doc-issuer';
import { documentStrings } from './i18n';

/** Characters of the mark that fit the preview at full width; longer marks are condensed, as the document does. */
const MARK_FULL_WIDTH_CHARS = 12;

/** The letterhead as the document prints it: the red mark (condensed when long), the number, the red line. */
function Letterhead({ mark, number }: { mark: string; number: string }) {
  const scale = Math.min(1, MARK_FULL_WIDTH_CHARS / Math.max(1, [...mark].length));
  return (
    <div data-testid="letterhead-preview" style={{ border: '1px solid #d9d9d9', background: '#fff', padding: '20px 24px 12px', textAlign: 'center', overflow: 'hidden' }}>
      <div style={{ display: 'flex', justifyContent: 'center' }}>
        <span
          style={{
            color: '#e00',
            fontSize: 26,
            fontFamily: '"方正小标宋简体", "FZXiaoBiaoSong-B05S", "SimSun", serif',
            whiteSpace: 'nowrap',
            flexShrink: 0,
            transform: `scaleX(${scale})`,
            transformOrigin: 'center',
          }}
        >
          {mark || '\u00a0'}
        </span>
      </div>
      <div style={{ marginTop: 14, fontFamily: '"仿宋_GB2312", "FangSong", serif', fontSize: 15 }}>{number}</div>
      <div style={{ borderTop: '2px solid #e00', marginTop: 6 }} />
    </div>
  );
}

function IssuerCard({ issuer, editable }: { issuer: DocIssuer; editable: boolean }) {
  const t = useT(documentStrings);
  const tc = useT(common);
  const { lang } = useLang();
  const pick = usePick();
  const notify = useNotifyError();
  const { message } = App.useApp();
  const [form] = Form.useForm<UpdateDocIssuerBody>();
  const update = useUpdateDocIssuer();
  const mark = Form.useWatch('mark', form) ?? issuer.mark;
  const prefix = Form.useWatch('prefix', form) ?? issuer.prefix;
  // The preview follows the code being typed: the number a document would get with it.
  const previewNumber = prefix === issuer.prefix ? issuer.nextNumber : issuer.nextNumber.replace(issuer.prefix, prefix);

  const save = async (v: UpdateDocIssuerBody) => {
    try {
      await update.mutateAsync({ key: issuer.key, body: { name: v.name.trim(), mark: v.mark.trim(), prefix: v.prefix.trim(), printer: v.printer.trim() } });
      void message.success(t('saved'));
    } catch (err) {
      showServerFieldErrors(form, err, pick);
      notify(err);
    }
  };

  const required = { required: true, whitespace: true, message: t('required') };
  return (
    <Card
      title={
        <Space>
          {t(`kind.${issuer.key}`)}
          {issuer.isDefault ? <Tag>{t('isDefault')}</Tag> : null}
        </Space>
      }
      extra={<Typography.Text type="secondary">{t(`use.${issuer.key}`)}</Typography.Text>}
      data-testid={`issuer-${issuer.key}`}
    >
      <Row gutter={24}>
        <Col xs={24} lg={12}>
          <Form form={form} layout="vertical" disabled={!editable} initialValues={{ name: issuer.name, mark: issuer.mark, prefix: issuer.prefix, printer: issuer.printer }} onFinish={(v) => void save(v)}>
            <Form.Item name="mark" label={t('mark')} extra={t('markHint')} rules={[required, zodRule(updateDocIssuerBody.shape.mark, lang)]}>
              <Input maxLength={40} />
            </Form.Item>
            <Form.Item name="name" label={t('name')} extra={t('nameHint')} rules={[required, zodRule(updateDocIssuerBody.shape.name, lang)]}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="prefix" label={t('prefix')} extra={t('prefixHint')} rules={[required, { pattern: /^[\u4e00-\u9fa5]{1,12}$/, message: t('prefixRule') }]}>
              <Input maxLength={12} style={{ width: 200 }} />
            </Form.Item>
            {/* A credit report is not 印发: it has no 版记, so its printer is not asked for. */}
            <Form.Item name="printer" label={t('printer')} extra={t('printerHint')} hidden={issuer.key === 'credit-report'} rules={[required, zodRule(updateDocIssuerBody.shape.printer, lang)]}>
              <Input maxLength={100} />
            </Form.Item>
            {editable ? (
              <Button type="primary" htmlType="submit" loading={update.isPending} data-testid={`save-${issuer.key}`}>
                {tc('save')}
              </Button>
            ) : null}
          </Form>
        </Col>
        <Col xs={24} lg={12}>
          <Typography.Title level={5}>{t('preview')}</Typography.Title>
          <Letterhead mark={mark} number={previewNumber} />
          <Descriptions size="small" column={1} style={{ marginTop: 16 }}>
            <Descriptions.Item label={t('nextNumber')}>{issuer.nextNumber}</Descriptions.Item>
            <Descriptions.Item label={t('issuedThisYear')}>{t('issuedUnit', { n: issuer.issuedThisYear })}</Descriptions.Item>
            {issuer.updatedAt ? (
              <Descriptions.Item label={tc('updatedAt')}>{t('updatedBy', { who: issuer.updatedBy === 'system' ? t('bySystem') : (issuer.updatedBy ?? ''), time: formatDateTime(issuer.updatedAt) })}</Descriptions.Item>
            ) : null}
          </Descriptions>
        </Col>
      </Row>
    </Card>
  );
}

export default function DocumentsPage() {
  const t = useT(documentStrings);
  const { can } = useAuth();
  const { data } = useDocIssuers();
  const editable = can('system:document:update');
  return (
    <PageContainer title={t('title')} description={t('description')}>
      {!data ? (
        <Skeleton active />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {editable ? null : <Typography.Text type="secondary">{t('readOnly')}</Typography.Text>}
          {data.items.map((i) => (
            <IssuerCard key={`${i.key}-${i.updatedAt ?? ''}`} issuer={i} editable={editable} />
          ))}
        </Space>
      )}
    </PageContainer>
  );
}

import { App, Button, Col, DatePicker, Form, Input, Modal, Row, Select, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { licenceBody, type EntityDetail, type Licence } from '@contracts/entities';
import { showServerFieldErrors } from '@/components/server-field-errors';
import { useNotifyError } from '@/components/use-notify';
import { useAuth } from '@/lib/auth';
import { useDict } from '@/lib/dicts';
import { usePick, useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { useAddLicence, useRevokeLicence } from './api/save-entity';
import { LicenceStateTag } from './entity-tags';
import { showIssues } from './form-issues';
import { entityStrings } from './i18n';
import { TabAddButton } from './tab-add-button';

interface LicenceValues {
  kind: string;
  name: string;
  number: string;
  issuer?: string;
  issuedOn?: Dayjs | null;
  validUntil?: Dayjs | null;
}

const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/** Licences and certificates with their state (有效 / 即将到期 within 90 days / 已过期 / 已注销). */
export function LicencesTab({ entity, readOnly }: { entity: EntityDetail; readOnly: boolean }) {
  const t = useT(entityStrings);
  const tc = useT(common);
  const pick = usePick();
  const notify = useNotifyError();
  const { message } = App.useApp();
  const { can } = useAuth();
  const kinds = useDict('ent_licence_kind');
  const editable = !readOnly && can('entities:entity:update');
  const add = useAddLicence(entity.uscc);
  const revoke = useRevokeLicence(entity.uscc);
  const [open, setOpen] = useState(false);
  const [revoking, setRevoking] = useState<Licence | null>(null);
  const [revokedOn, setRevokedOn] = useState<Dayjs>(dayjs());
  const [form] = Form.useForm<LicenceValues>();

  const submit = async (v: LicenceValues) => {
    const parsed = licenceBody.safeParse({ ...v, issuer: v.issuer?.trim() || null, issuedOn: iso(v.issuedOn), validUntil: iso(v.validUntil) });
    if (!parsed.success) {
      showIssues(form, parsed.error.issues, pick);
      return;
    }
    try {
      await add.mutateAsync(parsed.data);
      message.success(tc('saved'));
      setOpen(false);
    } catch (err) {
      showServerFieldErrors(form, err, pick);
      notify(err);
    }
  };

  const dash = <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <>
      {editable ? (
        <TabAddButton
          label={t('addLicence')}
          onClick={() => {
            form.resetFields();
            setOpen(true);
          }}
        />
      ) : null}
      <Table<Licence>
        rowKey="id"
        size="middle"
        dataSource={entity.licences}
        pagination={false}
        locale={{ emptyText: t('noLicences') }}
        columns={[
          { title: t('licenceKind'), dataIndex: 'kind', width: 180, render: (v: string) => kinds.label(v) },
          { title: t('licenceName'), dataIndex: 'name' },
          { title: t('licenceNumber'), dataIndex: 'number', render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span> },
          { title: t('issuer'), dataIndex: 'issuer', render: (v: string | null) => v ?? dash },
          { title: t('issuedOn'), dataIndex: 'issuedOn', width: 110, render: (v: string | null) => v ?? dash },
          { title: t('validUntil'), dataIndex: 'validUntil', width: 110, render: (v: string | null) => v ?? dash },
          {
            title: t('licenceState'),
            dataIndex: 'state',
            width: 130,
            render: (v: string, l: Licence) => (
              <>
                <LicenceStateTag state={v} />
                {l.revokedOn ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{l.revokedOn}</Typography.Text> : null}
              </>
            ),
          },
          ...(editable
            ? [
                {
                  title: tc('actions'),
                  key: 'actions',
                  width: 80,
                  render: (_: unknown, l: Licence) =>
                    l.state === 'revoked' ? null : (
                      <Button
                        type="link"
                        size="small"
                        danger
                        onClick={() => {
                          setRevokedOn(dayjs());
                          setRevoking(l);
                        }}
                      >
                        {t('revoke')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      <Modal title={t('addLicence')} open={open} width={640} okText={tc('save')} confirmLoading={add.isPending} onOk={() => form.submit()} onCancel={() => setOpen(false)} destroyOnHidden>
        <Form<LicenceValues> form={form} layout="vertical" name="licence-form" onFinish={(v) => void submit(v)}>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="kind" label={t('licenceKind')} rules={[{ required: true, message: t('required', { field: t('licenceKind') }) }]}>
                <Select options={kinds.options} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="number" label={t('licenceNumber')} rules={[{ required: true, whitespace: true, message: t('required', { field: t('licenceNumber') }) }]}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="name" label={t('licenceName')} rules={[{ required: true, whitespace: true, message: t('required', { field: t('licenceName') }) }]}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="issuer" label={t('issuer')}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="issuedOn" label={t('issuedOn')}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="validUntil" label={t('validUntil')}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Modal>
      <Modal
        title={revoking ? t('revokeTitle', { name: revoking.name }) : ''}
        open={!!revoking}
        okText={t('revoke')}
        okButtonProps={{ danger: true }}
        confirmLoading={revoke.isPending}
        onCancel={() => setRevoking(null)}
        onOk={async () => {
          if (!revoking) return;
          try {
            await revoke.mutateAsync({ licenceId: revoking.id, revokedOn: revokedOn.format('YYYY-MM-DD') });
            message.success(t('revoked'));
            setRevoking(null);
          } catch (err) {
            notify(err);
          }
        }}
      >
        <Space>
          {t('revokedOn')}
          <DatePicker value={revokedOn} allowClear={false} onChange={(d) => d && setRevokedOn(d)} />
        </Space>
      </Modal>
    </>
  );
}

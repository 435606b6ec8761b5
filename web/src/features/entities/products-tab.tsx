import { App, Checkbox, Col, Form, Input, Modal, Row, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { productBody, type EntityDetail, type Product, type ProductBody } from '@contracts/entities';
import { DeleteAction } from '@/components/delete-action';
import { showServerFieldErrors } from '@/components/server-field-errors';
import { useNotifyError } from '@/components/use-notify';
import { useAuth } from '@/lib/auth';
import { usePick, useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { useAddProduct, useRemoveProduct } from './api/save-entity';
import { showIssues } from './form-issues';
import { entityStrings } from './i18n';
import { TabAddButton } from './tab-add-button';

/** The entity's products; a licensed or CCC product drives the 质量安全总监 and licence flags. */
export function ProductsTab({ entity, readOnly }: { entity: EntityDetail; readOnly: boolean }) {
  const t = useT(entityStrings);
  const tc = useT(common);
  const pick = usePick();
  const notify = useNotifyError();
  const { message } = App.useApp();
  const { can } = useAuth();
  const editable = !readOnly && can('entities:entity:update');
  const add = useAddProduct(entity.uscc);
  const remove = useRemoveProduct(entity.uscc);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<ProductBody>();

  const submit = async (v: ProductBody) => {
    const parsed = productBody.safeParse(v);
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

  return (
    <>
      {editable ? (
        <TabAddButton
          label={t('addProduct')}
          onClick={() => {
            form.resetFields();
            setOpen(true);
          }}
        />
      ) : null}
      <Table<Product>
        rowKey="id"
        size="middle"
        dataSource={entity.products}
        pagination={false}
        locale={{ emptyText: t('noProducts') }}
        columns={[
          { title: t('productName'), dataIndex: 'name' },
          { title: t('category'), dataIndex: 'category' },
          { title: t('brand'), dataIndex: 'brand' },
          { title: t('model'), dataIndex: 'model' },
          { title: t('standard'), dataIndex: 'standard' },
          {
            title: t('productRegime'),
            key: 'req',
            render: (_: unknown, p: Product) => (
              <>
                {p.licenceRequired ? <Tag color="blue">{t('licenceRequired')}</Tag> : null}
                {p.cccRequired ? <Tag color="purple">{t('cccRequired')}</Tag> : null}
              </>
            ),
          },
          ...(editable
            ? [{ title: tc('actions'), key: 'actions', width: 80, render: (_: unknown, p: Product) => <DeleteAction name={p.name} onDelete={() => remove.mutateAsync(p.id)} /> }]
            : []),
        ]}
      />
      <Modal title={t('addProduct')} open={open} okText={tc('save')} confirmLoading={add.isPending} onOk={() => form.submit()} onCancel={() => setOpen(false)} destroyOnHidden>
        <Form<ProductBody> form={form} layout="vertical" name="product-form" onFinish={(v) => void submit(v)} initialValues={{ licenceRequired: false, cccRequired: false }}>
          <Form.Item name="name" label={t('productName')} rules={[{ required: true, whitespace: true, message: t('required', { field: t('productName') }) }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="category" label={t('category')}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="brand" label={t('brand')}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="model" label={t('model')}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="standard" label={t('standard')}>
                <Input maxLength={100} placeholder="GB/T …" />
              </Form.Item>
            </Col>
          </Row>
          <Space size="large">
            <Form.Item name="licenceRequired" valuePropName="checked">
              <Checkbox>{t('licenceRequired')}</Checkbox>
            </Form.Item>
            <Form.Item name="cccRequired" valuePropName="checked">
              <Checkbox>{t('cccRequired')}</Checkbox>
            </Form.Item>
          </Space>
        </Form>
      </Modal>
    </>
  );
}

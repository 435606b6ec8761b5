/**
 * The province's 较低数额罚款 thresholds (SAMR Order 45): what they decide, their current values, and
 * for users with `credit:model:update` a form to change them. Everyone else reads them.
 */
import { Alert, App, Button, Descriptions, Drawer, Form, InputNumber, Skeleton, Space, Tag, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { updateCreditSettingsBody, type CreditSettings, type UpdateCreditSettingsBody } from '@contracts/credit-lists';
import { showServerFieldErrors } from '@/components/server-field-errors';
import { useNotifyError } from '@/components/use-notify';
import { useAuth } from '@/lib/auth';
import { usePick, useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { useCreditSettings, useUpdateCreditSettings } from './api/settings';
import { creditStrings } from './i18n';

type T = ReturnType<typeof useT<typeof creditStrings>>;

type Field = 'lowFineThresholdYuan' | 'lowFinePersonThresholdYuan';

/** The server's coded default of each threshold (what a null in the update restores). */
const defaultOf = (settings: CreditSettings, field: Field): number =>
  field === 'lowFineThresholdYuan' ? settings.lowFineThresholdDefaultYuan : settings.lowFinePersonThresholdDefaultYuan;

/** 100000 → "100,000" (amounts are read with thousands separators in both languages). */
function yuan(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** "罚款低于 100,000 元（10 万元）": Chinese readers think in 万元; below 1 万 the plain figure is clearer. */
function belowText(t: T, n: number): string {
  const wan = n >= 10_000 ? t('set_wan', { n: Math.round((n / 10_000) * 10_000) / 10_000 }) : '';
  return t('set_below', { amount: yuan(n), wan });
}

/** The InputNumber's display: thousands separators in the whole part only (antd's default parser drops them again). */
function groupThousands(value: number | string | undefined): string {
  const [whole = '', fraction] = `${value ?? ''}`.split('.');
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (fraction === undefined ? '' : `.${fraction}`);
}

function amountRules(t: T, field: Field): Rule[] {
  const schema = updateCreditSettingsBody.shape[field];
  return [
    { required: true, message: t('set_required') },
    {
      // The contract's own schema decides; the messages say it in the officer's words.
      validator: async (_rule, value: number | null | undefined) => {
        if (value === null || value === undefined) return;
        if (value <= 0) throw new Error(t('set_positive'));
        if (!schema.safeParse(value).success) throw new Error(t('set_tooLarge'));
      },
    },
  ];
}

function ThresholdValue({ value, isDefault, testId }: { value: number; isDefault: boolean; testId: string }) {
  const t = useT(creditStrings);
  return (
    <Space size={8} wrap>
      <Typography.Text strong data-testid={testId}>
        {belowText(t, value)}
      </Typography.Text>
      {isDefault ? <Tag>{t('set_isDefault')}</Tag> : <Tag color="blue">{t('set_isSet')}</Tag>}
    </Space>
  );
}

function SettingsForm({ settings }: { settings: CreditSettings }) {
  const t = useT(creditStrings);
  const tc = useT(common);
  const pick = usePick();
  const notify = useNotifyError();
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<Field, number | null>>();
  const update = useUpdateCreditSettings();

  const save = async (v: Record<Field, number | null>) => {
    // Send only what changed, so the operation and audit logs name just that threshold; the default
    // amount goes as null, which drops the provincial value (the setting then follows the default).
    const body: UpdateCreditSettingsBody = {};
    for (const f of ['lowFineThresholdYuan', 'lowFinePersonThresholdYuan'] as const) {
      const value = v[f];
      if (value !== null && value !== settings[f]) body[f] = value === defaultOf(settings, f) ? null : value;
    }
    if (Object.keys(body).length === 0) {
      void message.info(t('set_unchanged'));
      return;
    }
    try {
      await update.mutateAsync(body);
      void message.success(t('set_saved'));
    } catch (err) {
      showServerFieldErrors(form, err, pick);
      notify(err);
    }
  };

  const field = (name: Field, label: string) => (
    <Form.Item
      name={name}
      label={label}
      rules={amountRules(t, name)}
      extra={
        <Space size={4}>
          <span>{t('set_defaultIs', { amount: yuan(defaultOf(settings, name)) })}</span>
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => form.setFieldValue(name, defaultOf(settings, name))}>
            {t('set_restoreDefault')}
          </Button>
        </Space>
      }
    >
      <InputNumber<number>
        style={{ width: 260 }}
        step={1_000}
        suffix={t('set_yuan')}
        formatter={groupThousands}
        aria-label={label}
      />
    </Form.Item>
  );

  return (
    <Form
      form={form}
      name="credit-settings"
      layout="vertical"
      initialValues={{ lowFineThresholdYuan: settings.lowFineThresholdYuan, lowFinePersonThresholdYuan: settings.lowFinePersonThresholdYuan }}
      onFinish={(v) => void save(v)}
    >
      <Typography.Title level={5}>{t('set_edit')}</Typography.Title>
      {field('lowFineThresholdYuan', t('set_fieldOrg'))}
      {field('lowFinePersonThresholdYuan', t('set_fieldPerson'))}
      <Alert type="warning" showIcon title={t('set_effect')} style={{ marginBottom: 16 }} />
      <Button type="primary" htmlType="submit" loading={update.isPending}>
        {tc('save')}
      </Button>
    </Form>
  );
}

/** What the thresholds decide, in the words of the rule. */
function Rules() {
  const t = useT(creditStrings);
  return (
    <Typography>
      <Typography.Paragraph style={{ marginBottom: 4 }}>{t('set_intro')}</Typography.Paragraph>
      <ul style={{ marginTop: 0, paddingInlineStart: 20 }}>
        <li>{t('set_rule_short')}</li>
        <li>{t('set_rule_long')}</li>
      </ul>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('set_rule_province')}
      </Typography.Paragraph>
    </Typography>
  );
}

/** The thresholds with their explanation; editable for `credit:model:update`. */
export function CreditSettingsDrawer({ open, onClose }: { open: boolean; onClose(): void }) {
  const t = useT(creditStrings);
  const { can } = useAuth();
  const { data, error } = useCreditSettings();
  return (
    <Drawer title={t('set_title')} open={open} onClose={onClose} size={600} destroyOnHidden>
      {error ? <Alert type="error" showIcon title={(error as Error).message} /> : null}
      {!data ? (
        error ? null : <Skeleton active />
      ) : (
        <Space orientation="vertical" size={20} style={{ width: '100%' }} data-testid="credit-settings">
          <Rules />
          <Descriptions title={t('set_current')} bordered size="small" column={1} styles={{ label: { width: 200 } }}>
            <Descriptions.Item label={t('set_org')}>
              <ThresholdValue value={data.lowFineThresholdYuan} isDefault={data.lowFineThresholdIsDefault} testId="threshold-org" />
            </Descriptions.Item>
            <Descriptions.Item label={t('set_person')}>
              <ThresholdValue value={data.lowFinePersonThresholdYuan} isDefault={data.lowFinePersonThresholdIsDefault} testId="threshold-person" />
            </Descriptions.Item>
          </Descriptions>
          {can('credit:model:update') ? <SettingsForm settings={data} /> : <Alert type="info" showIcon title={t('set_readOnly')} data-testid="settings-read-only" />}
        </Space>
      )}
    </Drawer>
  );
}

/** One line on the penalty-publication tab: the thresholds in force, and a way to their explanation. */
export function CreditSettingsSummary({ onOpen }: { onOpen(): void }) {
  const t = useT(creditStrings);
  const { can } = useAuth();
  const { data } = useCreditSettings();
  if (!data) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="threshold-summary"
      title={t('set_summary', { org: yuan(data.lowFineThresholdYuan), person: yuan(data.lowFinePersonThresholdYuan) })}
      action={
        <Button size="small" type="link" onClick={onOpen}>
          {can('credit:model:update') ? t('set_viewEdit') : t('set_view')}
        </Button>
      }
    />
  );
}

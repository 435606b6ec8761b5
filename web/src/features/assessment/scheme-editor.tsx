import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Drawer, Form, Input, InputNumber, Radio, Row, Select, Skeleton, Space, Tooltip, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import {
  DEFAULT_FAIL_GRADE,
  DEFAULT_GRADE_BANDS,
  INDICATOR_KINDS,
  schemeBody,
  type AssessmentTargetKind,
  type GradeBand,
  type IndicatorKind,
  type SchemeBody,
  type SchemeDetail,
} from '@contracts/assessment';
import { showServerFieldErrors } from '@/components/server-field-errors';
import { useNotifyError } from '@/components/use-notify';
import { useDict } from '@/lib/dicts';
import { zodRule } from '@/lib/form-rules';
import { useLang, usePick, useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { useScheme } from './api/get-scheme';
import { useUnitOptions } from './api/get-unit-options';
import { useSaveScheme } from './api/save-scheme';
import { assessmentStrings } from './i18n';

interface FormValues {
  name: string;
  year: number;
  targetKind: AssessmentTargetKind;
  deptIds: number[];
  recipients?: string;
  indicators: { key?: string; name: string; kind: IndicatorKind; weight: number }[];
  bonusItems: { key?: string; name: string; maxPoints: number }[];
  deductionItems: { key?: string; name: string; maxPoints: number }[];
  vetoItems: { key?: string; name: string }[];
  gradeBands: GradeBand[];
  failGrade: string;
}

/** A typical scheme to start from: the office edits names, weights and items. */
function newSchemeValues(): Omit<FormValues, 'deptIds'> {
  const year = new Date().getFullYear();
  return {
    name: `${year}年度各区质量工作考核方案`,
    year,
    targetKind: 'district',
    indicators: [
      { name: '行动计划任务完成率', kind: 'task_completion', weight: 30 },
      { name: '任务按时完成率', kind: 'on_time', weight: 20 },
      { name: '质量指标完成情况', kind: 'indicator_attainment', weight: 20 },
      { name: '专家评审', kind: 'expert', weight: 30 },
    ],
    bonusItems: [
      { name: '获得国家级质量荣誉或试点', maxPoints: 3 },
      { name: '质量工作经验获上级推广', maxPoints: 2 },
    ],
    deductionItems: [
      { name: '工作材料报送不及时', maxPoints: 2 },
      { name: '被上级部门通报批评', maxPoints: 5 },
    ],
    vetoItems: [{ name: '发生重大质量安全事故' }],
    gradeBands: DEFAULT_GRADE_BANDS.map((b) => ({ ...b })),
    failGrade: DEFAULT_FAIL_GRADE,
  };
}

/** Keys the server keeps stable; new rows get the first free `<prefix><n>`. */
function withKeys<T extends { key?: string }>(rows: readonly T[], prefix: string): (T & { key: string })[] {
  const used = new Set(rows.map((r) => r.key).filter(Boolean));
  let n = 1;
  return rows.map((r) => {
    if (r.key) return r as T & { key: string };
    while (used.has(`${prefix}${n}`)) n++;
    used.add(`${prefix}${n}`);
    return { ...r, key: `${prefix}${n}` };
  });
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function PointItems({ name, title }: { name: 'bonusItems' | 'deductionItems'; title: string }) {
  const t = useT(assessmentStrings);
  return (
    <Card size="small" title={title} style={{ height: '100%' }}>
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true, message: t('required') }]} style={{ marginBottom: 8 }}>
                  <Input placeholder={t('itemName')} style={{ width: 230 }} maxLength={100} />
                </Form.Item>
                <Form.Item name={[f.name, 'maxPoints']} rules={[{ required: true, message: t('required') }]} style={{ marginBottom: 8 }}>
                  <InputNumber min={0.01} max={100} precision={2} placeholder={t('maxPoints')} suffix="分" style={{ width: 110 }} aria-label={t('maxPoints')} />
                </Form.Item>
                <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="remove" />
              </Space>
            ))}
            <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ name: '', maxPoints: 2 })}>
              {t('addItem')}
            </Button>
          </>
        )}
      </Form.List>
    </Card>
  );
}

/** The scheme form: basics, units, weighted indicators (with the running sum), bonus/deduction/veto items, grade bands. */
export function SchemeEditor({ open, editingId, onClose, onSaved }: { open: boolean; editingId: number | null; onClose(): void; onSaved(s: SchemeDetail): void }) {
  const t = useT(assessmentStrings);
  const tc = useT(common);
  const { lang } = useLang();
  const pick = usePick();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const [form] = Form.useForm<FormValues>();
  const existing = useScheme(open ? editingId : null);
  const save = useSaveScheme();
  const kinds = useDict('assessment_indicator_kind');
  const targetKind = (Form.useWatch('targetKind', form) ?? 'district') as AssessmentTargetKind;
  const options = useUnitOptions(targetKind);
  const indicators = Form.useWatch('indicators', form);
  const deptIds = Form.useWatch('deptIds', form);
  const failGrade = Form.useWatch('failGrade', form) ?? DEFAULT_FAIL_GRADE;
  const sum = round2((indicators ?? []).reduce((s, i) => s + (Number(i?.weight) || 0), 0));
  const defaults = useMemo(() => (options.data?.items ?? []).filter((o) => o.default).map((o) => o.deptId), [options.data]);
  const scheme = editingId !== null ? existing.data : undefined;
  const locked = scheme?.status === 'published';

  useEffect(() => {
    if (!open) return;
    if (editingId === null) form.setFieldsValue({ ...newSchemeValues(), deptIds: [] });
    else if (scheme) form.setFieldsValue({ ...scheme, deptIds: scheme.units.map((u) => u.deptId), vetoItems: scheme.vetoItems.map((v) => ({ key: v.key, name: v.name })) });
  }, [open, editingId, scheme, form]);

  // A new scheme starts with every default unit of its kind (again when the kind changes).
  useEffect(() => {
    if (open && editingId === null && options.data) form.setFieldValue('deptIds', defaults);
  }, [open, editingId, options.data, defaults, form]);

  const submit = async () => {
    const v = await form.validateFields().catch((e: { errorFields?: { name: (string | number)[] }[] }) => {
      // The problem may be far down the drawer: bring it into view.
      const first = e.errorFields?.[0];
      if (first) form.scrollToField(first.name, { block: 'center' });
      return null;
    });
    if (!v) return;
    const body: SchemeBody = {
      name: v.name,
      year: v.year,
      targetKind: v.targetKind,
      deptIds: v.deptIds,
      recipients: v.recipients?.trim() || null,
      indicators: withKeys(v.indicators, 'i').map((i) => ({ key: i.key, name: i.name.trim(), kind: i.kind, weight: i.weight })),
      bonusItems: withKeys(v.bonusItems ?? [], 'b').map((i) => ({ key: i.key, name: i.name.trim(), maxPoints: i.maxPoints })),
      deductionItems: withKeys(v.deductionItems ?? [], 'd').map((i) => ({ key: i.key, name: i.name.trim(), maxPoints: i.maxPoints })),
      vetoItems: withKeys(v.vetoItems ?? [], 'v').map((i) => ({ key: i.key, name: i.name.trim() })),
      gradeBands: [...v.gradeBands].sort((a, b) => b.min - a.min),
      failGrade: v.failGrade.trim(),
    };
    try {
      const saved = await save.mutateAsync(editingId === null ? { id: null, body } : { id: editingId, body: { ...body, version: scheme!.version } });
      message.success(editingId === null ? t('created') : tc('saved'));
      onSaved(saved);
    } catch (err) {
      showServerFieldErrors(form, err, pick);
      notify(err);
    }
  };

  return (
    <Drawer
      title={editingId === null ? t('createTitle') : t('editTitle', { name: scheme?.name ?? '' })}
      open={open}
      onClose={onClose}
      size={980}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{tc('cancel')}</Button>
          <Button type="primary" loading={save.isPending} disabled={locked} onClick={() => void submit()} data-testid="scheme-save">
            {tc('save')}
          </Button>
        </Space>
      }
    >
      {editingId !== null && !scheme ? (
        <Skeleton active />
      ) : (
        <Form form={form} layout="vertical" disabled={locked} data-testid="scheme-form">
          {locked ? <Alert type="warning" showIcon title={t('lockedHint')} style={{ marginBottom: 16 }} /> : null}
          {scheme && scheme.status === 'scoring' ? <Alert type="info" showIcon title={t('editAfterInput')} style={{ marginBottom: 16 }} /> : null}
          <Card size="small" title={t('basics')}>
            <Row gutter={16}>
              <Col span={18}>
                <Form.Item name="name" label={t('name')} rules={[{ required: true, whitespace: true, message: t('required') }, zodRule(schemeBody.shape.name, lang)]}>
                  <Input placeholder={t('namePlaceholder')} maxLength={200} />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item name="year" label={t('year')} rules={[{ required: true, message: t('required') }]}>
                  <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={24}>
                <Form.Item name="targetKind" label={t('targetKind')} rules={[{ required: true }]}>
                  <Radio.Group
                    optionType="button"
                    options={[
                      { value: 'district', label: t('kindDistrict') },
                      { value: 'department', label: t('kindDepartment') },
                    ]}
                  />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item label={t('issuer')} extra={t('issuerHint')}>
                  <Typography.Text data-testid="scheme-issuer">{scheme?.issuer ?? t('issuerConfigured')}</Typography.Text>
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="recipients" label={t('recipients')} extra={t('recipientsHint')}>
                  <Input maxLength={500} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item
              name="deptIds"
              label={
                <Space>
                  {t('units')}
                  <Typography.Text type="secondary">{t('selectedUnits', { n: deptIds?.length ?? 0 })}</Typography.Text>
                  <Button size="small" type="link" onClick={() => form.setFieldValue('deptIds', defaults)}>
                    {t('selectDefaultUnits')}
                  </Button>
                </Space>
              }
              extra={t('unitsHint')}
              rules={[{ required: true, type: 'array', min: 1, message: t('required') }]}
            >
              <Select
                mode="multiple"
                allowClear
                maxTagCount="responsive"
                loading={options.isLoading}
                optionFilterProp="label"
                options={(options.data?.items ?? []).map((o) => ({ value: o.deptId, label: o.name }))}
              />
            </Form.Item>
          </Card>

          <Card
            size="small"
            title={t('indicators')}
            style={{ marginTop: 16 }}
            extra={
              <Typography.Text strong type={sum === 100 ? 'success' : 'danger'} data-testid="weight-sum">
                {sum === 100 ? t('weightSum', { sum }) : t('weightSumBad', { sum })}
              </Typography.Text>
            }
          >
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {t('kindHelp')}
            </Typography.Paragraph>
            <Form.List name="indicators">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Space key={f.key} align="baseline" style={{ display: 'flex' }} data-testid="indicator-row">
                      <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true, message: t('required') }]} style={{ marginBottom: 8 }}>
                        <Input placeholder={t('indicatorName')} style={{ width: 320 }} maxLength={100} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'kind']} rules={[{ required: true, message: t('required') }]} style={{ marginBottom: 8 }}>
                        <Select style={{ width: 170 }} placeholder={t('indicatorKind')} options={INDICATOR_KINDS.map((k) => ({ value: k, label: kinds.label(k) }))} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'weight']} rules={[{ required: true, message: t('required') }]} style={{ marginBottom: 8 }}>
                        <InputNumber min={0.01} max={100} precision={2} suffix="%" style={{ width: 110 }} aria-label={t('weight')} />
                      </Form.Item>
                      <Tooltip title={tc('delete')}>
                        <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(f.name)} disabled={fields.length <= 1} aria-label="remove" />
                      </Tooltip>
                    </Space>
                  ))}
                  <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ name: '', kind: 'manual', weight: Math.max(0, round2(100 - sum)) || 10 })}>
                    {t('addIndicator')}
                  </Button>
                </>
              )}
            </Form.List>
          </Card>

          <Row gutter={16} style={{ marginTop: 16 }}>
            <Col span={12}>
              <PointItems name="bonusItems" title={t('bonusItems')} />
            </Col>
            <Col span={12}>
              <PointItems name="deductionItems" title={t('deductionItems')} />
            </Col>
          </Row>

          <Row gutter={16} style={{ marginTop: 16 }}>
            <Col span={12}>
              <Card size="small" title={t('vetoItems')} style={{ height: '100%' }}>
                <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                  {t('vetoHelp', { fail: failGrade })}
                </Typography.Paragraph>
                <Form.List name="vetoItems">
                  {(fields, { add, remove }) => (
                    <>
                      {fields.map((f) => (
                        <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                          <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true, message: t('required') }]} style={{ marginBottom: 8 }}>
                            <Input placeholder={t('itemName')} style={{ width: 340 }} maxLength={100} />
                          </Form.Item>
                          <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="remove" />
                        </Space>
                      ))}
                      <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ name: '' })}>
                        {t('addItem')}
                      </Button>
                    </>
                  )}
                </Form.List>
              </Card>
            </Col>
            <Col span={12}>
              <Card size="small" title={t('gradeBands')} style={{ height: '100%' }}>
                <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                  {t('gradeHelp')}
                </Typography.Paragraph>
                <Form.List name="gradeBands">
                  {(fields, { add, remove }) => (
                    <>
                      {fields.map((f) => (
                        <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                          <Form.Item name={[f.name, 'grade']} rules={[{ required: true, whitespace: true, message: t('required') }]} style={{ marginBottom: 8 }}>
                            <Input placeholder={t('grade')} style={{ width: 120 }} maxLength={10} />
                          </Form.Item>
                          <Form.Item name={[f.name, 'min']} rules={[{ required: true, message: t('required') }]} style={{ marginBottom: 8 }}>
                            <InputNumber min={0.01} max={200} precision={2} prefix="≥" suffix="分" style={{ width: 130 }} aria-label={t('minScore')} />
                          </Form.Item>
                          <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(f.name)} disabled={fields.length <= 1} aria-label="remove" />
                        </Space>
                      ))}
                      <div style={{ marginBottom: 8 }}>
                        <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ grade: '', min: 50 })}>
                          {t('addGrade')}
                        </Button>
                      </div>
                    </>
                  )}
                </Form.List>
                {/* Outside the list: a field inside Form.List would be named under it. */}
                <Space align="baseline" style={{ display: 'flex' }}>
                  <Typography.Text>{t('failGrade')}</Typography.Text>
                  <Form.Item name="failGrade" rules={[{ required: true, whitespace: true, message: t('required') }]} style={{ marginBottom: 8 }}>
                    <Input style={{ width: 120 }} maxLength={10} aria-label={t('failGrade')} />
                  </Form.Item>
                </Space>
              </Card>
            </Col>
          </Row>
        </Form>
      )}
    </Drawer>
  );
}

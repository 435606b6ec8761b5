import { ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Popconfirm, Row, Skeleton, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { CreditModelDetail, CreditModelDto, Indicator, ModelKind, PayloadCondition, RecomputeResponse, VetoCondition } from '@contracts/credit-scoring';
import { PageContainer } from '@/components/page-container';
import { PersonName } from '@/components/person-name';
import { useNotifyError } from '@/components/use-notify';
import { useAuth } from '@/lib/auth';
import { useDict } from '@/lib/dicts';
import { formatDateTime } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { useActivateModel, useModel, useModels, useRecompute } from './api/models';
import { creditStrings, type CreditKey } from './i18n';

type T = ReturnType<typeof useT<typeof creditStrings>>;

/**
 * A payload test as people read it: 结果为不合格或发现问题, 处罚种类含吊销许可证件或责令关闭. Lists and
 * penalty types come from their dictionaries; a field or value this version has no words for shows
 * as stored.
 */
function conditionText(c: PayloadCondition, t: T, dictLabel: (field: string, value: string) => string | null): string {
  const word = (key: string, fallback: string) => (key in creditStrings ? t(key as CreditKey) : fallback);
  const valueText = (v: string | number | boolean) =>
    typeof v === 'boolean' ? word(`cv_${v}`, String(v)) : typeof v === 'number' ? v.toLocaleString() : (dictLabel(c.field, v) ?? word(`cv_${c.field}_${v}`, v));
  const values = 'values' in c ? c.values.map(valueText).join(t('cop_or')) : valueText(c.value);
  return t(`cop_${c.op}` as CreditKey, { field: word(`cf_${c.field}`, c.field), values });
}

function formulaText(i: Indicator, t: T): string {
  if (i.formula === 'count') return t('f_count', { base: i.base, per: i.perRecord > 0 ? `+${i.perRecord}` : i.perRecord, cap: i.cap ? t('f_cap', { cap: i.cap }) : '' });
  if (i.formula === 'ratio') return t('f_ratio', { empty: i.empty });
  return `${t(`fact_${i.fact}` as CreditKey)}：${t('f_fact', { base: i.base, per: i.perUnit > 0 ? `+${i.perUnit}` : i.perUnit })}`;
}

function vetoText(w: VetoCondition, t: T, listLabel: (v: string) => string): string {
  if (w.type === 'flag') return t('veto_flag', { code: t(`vflag_${w.code}` as CreditKey) });
  if (w.type === 'list') return t('veto_list', { list: listLabel(w.list) });
  return t('veto_young', { days: w.days });
}

function ModelDefinitionView({ model }: { model: CreditModelDetail }) {
  const t = useT(creditStrings);
  const kinds = useDict('ent_record_kind');
  const lists = useDict('credit_list');
  const penalties = useDict('ent_penalty_type');
  const grades = useDict(model.kind === 'risk' ? 'credit_risk_class' : 'credit_grade');
  const dictLabel = (field: string, value: string) => (field === 'list' ? lists.label(value) : field === 'penaltyTypes' ? penalties.label(value) : null);
  const conditions = (cs: readonly PayloadCondition[]) => cs.map((c) => conditionText(c, t, dictLabel)).join(t('cop_and'));
  const d = model.definition;
  const total = d.indicators.reduce((s, i) => s + i.max, 0);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="model-definition">
      <Descriptions size="small" bordered column={2}>
        <Descriptions.Item label={t('modelName')}>
          {model.name} <Tag>v{model.version}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('status')}>
          <Tag color={model.status === 'active' ? 'green' : 'default'}>{t(`ms_${model.status}` as CreditKey)}</Tag>
          <Typography.Text type="secondary">{d.published ? t('publishedToPublic') : t('notPublished')}</Typography.Text>
        </Descriptions.Item>
        {d.basis ? (
          <Descriptions.Item label={t('modelBasis')} span={2}>
            <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{d.basis}</Typography.Paragraph>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <Typography.Text strong>{t('weightTotal', { n: Math.round(total * 100) / 100 })}</Typography.Text>
      {d.dimensions.map((dim) => {
        const inds = d.indicators.filter((i) => i.dimension === dim.key);
        const sum = inds.reduce((s, i) => s + i.max, 0);
        return (
          <Card
            key={dim.key}
            size="small"
            title={
              <span>
                {t('dimension')}：{dim.name}
              </span>
            }
            extra={<Tag color="blue">{Math.round(sum * 100) / 100}</Tag>}
          >
            <Table<Indicator>
              rowKey="key"
              size="small"
              pagination={false}
              dataSource={inds}
              columns={[
                { title: t('indicator'), dataIndex: 'name', width: 200 },
                { title: t('maxPoints'), dataIndex: 'max', width: 70 },
                { title: t('formula'), key: 'formula', width: 260, render: (_: unknown, i) => formulaText(i, t) },
                {
                  title: t('records'),
                  key: 'records',
                  render: (_: unknown, i) =>
                    i.formula === 'fact' ? (
                      <Typography.Text type="secondary">{t('noDate')}</Typography.Text>
                    ) : (
                      <Space orientation="vertical" size={2}>
                        <Space size={2} wrap>
                          {i.kinds.map((k) => (
                            <Tag key={k} color={kinds.color(k)}>
                              {kinds.label(k)}
                            </Tag>
                          ))}
                        </Space>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {t('window', { n: i.windowMonths })} ·{' '}
                          {i.decay.kind === 'half_life' ? t('decay_half_life', { n: i.decay.halfLifeDays }) : t(`decay_${i.decay.kind}` as CreditKey)}
                        </Typography.Text>
                        {i.where.length > 0 ? (
                          <Typography.Text style={{ fontSize: 12 }}>
                            {t('conditions_where')}：{conditions(i.where)}
                          </Typography.Text>
                        ) : null}
                        {i.formula === 'ratio' ? (
                          <Typography.Text style={{ fontSize: 12 }}>
                            {t('pass')}：{conditions(i.pass)}
                          </Typography.Text>
                        ) : null}
                      </Space>
                    ),
                },
              ]}
            />
          </Card>
        );
      })}
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('vetoes')}>
            {d.vetoes.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            ) : (
              <Table
                rowKey="key"
                size="small"
                pagination={false}
                dataSource={d.vetoes}
                columns={[
                  { title: t('modelName'), dataIndex: 'name' },
                  { title: t('vetoWhen'), key: 'when', render: (_: unknown, v: (typeof d.vetoes)[number]) => vetoText(v.when, t, lists.label) },
                  { title: t('vetoGrade'), dataIndex: 'grade', width: 160, render: (g: string) => <Tag color={grades.color(g)}>{grades.label(g)}</Tag> },
                ]}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('bands')}>
            <Table
              rowKey="grade"
              size="small"
              pagination={false}
              dataSource={d.bands}
              data-testid="model-bands"
              columns={[
                { title: t('band'), dataIndex: 'grade', render: (g: string) => <Tag color={grades.color(g)}>{grades.label(g)}</Tag> },
                { title: t('minScore'), dataIndex: 'min', width: 140, render: (m: number) => (m <= 0 ? '0' : t('bandRange', { min: m })) },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}

function KindPanel({ kind }: { kind: ModelKind }) {
  const t = useT(creditStrings);
  const { can } = useAuth();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const models = useModels(kind);
  const activate = useActivateModel();
  const items = models.data?.items ?? [];
  const [chosen, setChosen] = useState<number | null>(null);
  const selected = chosen ?? items.find((m) => m.status === 'active')?.id ?? items[0]?.id ?? null;
  const detail = useModel(selected);
  if (models.error) return <Alert type="error" showIcon title={models.error.message} />;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Table<CreditModelDto>
        rowKey="id"
        size="small"
        loading={models.isFetching}
        dataSource={items}
        pagination={false}
        rowSelection={{ type: 'radio', selectedRowKeys: selected ? [selected] : [], onChange: (keys) => setChosen(Number(keys[0])) }}
        onRow={(m) => ({ onClick: () => setChosen(m.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('version'), dataIndex: 'version', width: 70, render: (v: number) => `v${v}` },
          { title: t('modelName'), dataIndex: 'name' },
          { title: t('status'), dataIndex: 'status', width: 90, render: (s: string) => <Tag color={s === 'active' ? 'green' : s === 'draft' ? 'gold' : 'default'}>{t(`ms_${s}` as CreditKey)}</Tag> },
          { title: t('modelAuthor'), key: 'createdBy', width: 120, render: (_: unknown, m: CreditModelDto) => <PersonName name={m.createdByName} username={m.createdBy} compact /> },
          { title: t('activatedAt'), dataIndex: 'activatedAt', width: 170, render: (v: string | null) => formatDateTime(v) },
          ...(can('credit:model:update')
            ? [
                {
                  title: '',
                  key: 'activate',
                  width: 80,
                  render: (_: unknown, m: CreditModelDto) =>
                    m.status !== 'active' ? (
                      <Popconfirm
                        title={t('activateConfirm')}
                        onConfirm={async () => {
                          try {
                            await activate.mutateAsync(m.id);
                            message.success(t('activated'));
                          } catch (err) {
                            notify(err);
                          }
                        }}
                      >
                        <Button type="link" size="small" onClick={(e) => e.stopPropagation()}>
                          {t('activate')}
                        </Button>
                      </Popconfirm>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      {detail.error ? <Alert type="error" showIcon title={(detail.error as Error).message} /> : null}
      {selected === null ? <Empty /> : detail.data ? <ModelDefinitionView model={detail.data} /> : <Skeleton active />}
    </Space>
  );
}

export default function ModelsPage() {
  const t = useT(creditStrings);
  const tc = useT(common);
  const { can } = useAuth();
  const notify = useNotifyError();
  const recompute = useRecompute();
  const [result, setResult] = useState<RecomputeResponse | null>(null);
  return (
    <PageContainer
      title={tc('creditModels')}
      description={t('modelsDescription')}
      extra={
        can('credit:evaluation:recompute') ? (
          <Popconfirm
            title={t('recomputeConfirm')}
            onConfirm={async () => {
              try {
                setResult(await recompute.mutateAsync(undefined));
              } catch (err) {
                notify(err);
              }
            }}
          >
            <Button icon={<ReloadOutlined />} loading={recompute.isPending}>
              {t('recompute')}
            </Button>
          </Popconfirm>
        ) : null
      }
    >
      {result ? (
        <Alert
          style={{ marginBottom: 16 }}
          type="success"
          showIcon
          closable={{ onClose: () => setResult(null) }}
          data-testid="recompute-result"
          title={
            <Space orientation="vertical" size={0}>
              {result.results.map((r) => (
                <span key={r.kind}>
                  {t('recomputeResult', { kind: t(`kind_${r.kind}` as CreditKey), version: r.modelVersion, n: r.entities, asOf: r.asOf, ms: Math.round(r.ms) })}
                </span>
              ))}
            </Space>
          }
        />
      ) : null}
      <Tabs
        items={(['grade', 'risk'] as const).map((k) => ({ key: k, label: t(`kind_${k}`), children: <KindPanel kind={k} /> }))}
      />
    </PageContainer>
  );
}

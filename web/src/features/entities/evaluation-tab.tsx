import { Alert, Button, Card, Descriptions, Empty, Progress, Space, Spin, Table, Typography } from 'antd';
import type { EvaluationDto, IndicatorResult } from '@contracts/credit-scoring';
import { DictTag } from '@/lib/dicts';
import { formatDateTime } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { useEvaluation } from './api/credit';
import type { RecordFocus } from './archive-tab';
import { entityStrings } from './i18n';

type Contribution = IndicatorResult['records'][number];

function Evaluation({ evaluation, dict, onOpenRecord }: { evaluation: EvaluationDto; dict: 'credit_grade' | 'credit_risk_class'; onOpenRecord(focus: RecordFocus): void }) {
  const t = useT(entityStrings);
  const tc = useT(common);
  return (
    <>
      <Descriptions size="small" column={{ xs: 1, md: 4 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={dict === 'credit_grade' ? t('grade') : t('riskClass')}>
          <span data-testid={dict === 'credit_grade' ? 'evaluation-grade' : 'evaluation-risk'}>
            <DictTag type={dict} value={evaluation.grade} />
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('score')}>
          <Typography.Text strong>{evaluation.score.toFixed(1)}</Typography.Text> / 100
        </Descriptions.Item>
        <Descriptions.Item label={t('modelVersion')}>v{evaluation.modelVersion}</Descriptions.Item>
        <Descriptions.Item label={t('computedAt')}>
          {evaluation.asOf}
          <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
            {t('computedOn', { at: formatDateTime(evaluation.computedAt) })}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      {evaluation.vetoes.length > 0 ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('vetoApplied', { grade: evaluation.grade })}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {evaluation.vetoes.map((v) => (
                <li key={v.key}>
                  {v.name}（≤ {v.grade}）
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {t('expandHint')}
      </Typography.Paragraph>
      <Table<IndicatorResult>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={evaluation.indicators}
        expandable={{
          rowExpandable: (ind) => ind.records.length > 0,
          expandedRowRender: (ind) =>
            ind.records.length === 0 ? (
              <Typography.Text type="secondary">{t('noContributions')}</Typography.Text>
            ) : (
              <Table<Contribution>
                rowKey="recordId"
                size="small"
                pagination={false}
                dataSource={ind.records}
                columns={[
                  {
                    title: '#',
                    dataIndex: 'recordId',
                    width: 90,
                    render: (id: number, c: Contribution) => (
                      <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpenRecord({ id, occurredOn: c.occurredOn })} title={t('openRecord')}>
                        #{id}
                      </Button>
                    ),
                  },
                  { title: t('occurredOn'), dataIndex: 'occurredOn', width: 120 },
                  { title: t('points'), dataIndex: 'points', width: 100, render: (v: number) => (v > 0 ? `+${v.toFixed(2)}` : v.toFixed(2)) },
                  { title: t('weight'), dataIndex: 'weight', width: 100, render: (v: number) => v.toFixed(2) },
                  { title: t('passed'), dataIndex: 'passed', render: (v: boolean | undefined) => (v === undefined ? '' : v ? tc('yes') : tc('no')) },
                ]}
              />
            ),
        }}
        columns={[
          { title: t('indicator'), dataIndex: 'name' },
          {
            title: t('points'),
            key: 'points',
            width: 260,
            render: (_: unknown, i: IndicatorResult) => (
              <Space>
                <Progress percent={i.max > 0 ? Math.round((i.points / i.max) * 100) : 0} size="small" showInfo={false} style={{ width: 120 }} status={i.points < i.max ? 'normal' : 'success'} />
                <span>
                  {i.points.toFixed(1)} / {i.max}
                </span>
              </Space>
            ),
          },
          { title: t('contributions'), key: 'records', width: 100, align: 'right', render: (_: unknown, i: IndicatorResult) => i.records.length },
        ]}
      />
    </>
  );
}

/** The grade with its explanation: every indicator's points and the archive records behind them. */
export function EvaluationTab({ uscc, onOpenRecord }: { uscc: string; onOpenRecord(focus: RecordFocus): void }) {
  const t = useT(entityStrings);
  const evaluation = useEvaluation(uscc, true);
  if (evaluation.isLoading) return <Spin />;
  if (evaluation.isError) return <Alert type="error" showIcon title={evaluation.error.message} />;
  const data = evaluation.data!;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Card size="small" title={t('gradeTitle')}>
        {data.grade ? <Evaluation evaluation={data.grade} dict="credit_grade" onOpenRecord={onOpenRecord} /> : <Empty description={t('evaluationNone')} />}
      </Card>
      {data.risk ? (
        <Card size="small" title={t('riskTitle')}>
          <Evaluation evaluation={data.risk} dict="credit_risk_class" onOpenRecord={onOpenRecord} />
        </Card>
      ) : null}
    </Space>
  );
}

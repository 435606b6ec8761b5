import { Alert, Descriptions, Table, Tag, Typography } from 'antd';
import type { AssessmentResult, GradeBand, IndicatorScore } from '@contracts/assessment';
import { useDict } from '@/lib/dicts';
import { useT } from '@/lib/i18n';
import { GradeTag } from './grade-tag';
import { assessmentStrings } from './i18n';

const fmt = (n: number | null) => (n === null ? '—' : n.toFixed(2).replace(/\.?0+$/, ''));

/** One unit's result: rank, total and grade, each indicator's score and basis, bonus, deduction and veto entries. */
export function ResultBreakdown({
  result,
  unitCount,
  bands,
  failGrade,
  summary = true,
}: {
  result: AssessmentResult;
  unitCount: number;
  bands: readonly GradeBand[];
  failGrade: string;
  /** Show rank, total and grade (off where the page already shows them). */
  summary?: boolean;
}) {
  const t = useT(assessmentStrings);
  const kinds = useDict('assessment_indicator_kind');
  const basis = (i: IndicatorScore) => {
    if (i.note === '无到期任务') return <Tag>{i.note}</Tag>;
    if (i.note) return <Typography.Text type="warning">{i.note}</Typography.Text>;
    if (i.tasks) return t('taskBasis', { due: i.tasks.due, completed: i.tasks.completed, onTime: i.tasks.onTime });
    return t('enteredBasis', { kind: kinds.label(i.kind) });
  };
  return (
    <div data-testid="result-breakdown">
      {result.vetoed ? <Alert type="error" showIcon title={t('vetoedNote', { grade: result.grade })} style={{ marginBottom: 12 }} /> : null}
      <Descriptions
        bordered
        size="small"
        column={3}
        items={[
          ...(summary
            ? [
                { key: 'rank', label: t('rank'), children: t('rankOf', { rank: result.rank, n: unitCount }) },
                { key: 'total', label: t('total'), children: <Typography.Text strong style={{ fontSize: 18 }}>{fmt(result.total)}</Typography.Text> },
                { key: 'grade', label: t('grade'), children: <GradeTag grade={result.grade} bands={bands} failGrade={failGrade} /> },
              ]
            : []),
          { key: 'sum', label: t('weightedSum'), children: fmt(result.weightedSum) },
          { key: 'bonus', label: t('bonus'), children: result.bonus > 0 ? `+${fmt(result.bonus)}` : '0' },
          { key: 'deduction', label: t('deduction'), children: result.deduction > 0 ? <Typography.Text type="danger">−{fmt(result.deduction)}</Typography.Text> : '0' },
        ]}
      />
      <Table<IndicatorScore>
        style={{ marginTop: 12 }}
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={result.indicators}
        columns={[
          { title: t('indicator'), dataIndex: 'name' },
          { title: t('weight'), dataIndex: 'weight', width: 70, align: 'right', render: (w: number) => `${w}%` },
          { title: t('scoreCol'), dataIndex: 'score', width: 80, align: 'right', render: fmt },
          { title: t('weighted'), dataIndex: 'weighted', width: 90, align: 'right', render: fmt },
          { title: t('basis'), key: 'basis', render: (_: unknown, i: IndicatorScore) => basis(i) },
        ]}
      />
      {(['bonuses', 'deductions'] as const).map((k) =>
        result[k].length > 0 ? (
          <div key={k} style={{ marginTop: 12 }}>
            <Typography.Text strong>{k === 'bonuses' ? t('bonus') : t('deduction')}</Typography.Text>
            <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
              {result[k].map((e, i) => (
                <li key={i}>
                  {e.name}：{k === 'bonuses' ? '+' : '−'}
                  {fmt(e.points)}（{e.reason}）
                </li>
              ))}
            </ul>
          </div>
        ) : null,
      )}
      {result.vetoes.length > 0 ? (
        <div style={{ marginTop: 12 }}>
          <Typography.Text strong type="danger">
            {t('veto')}
          </Typography.Text>
          <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
            {result.vetoes.map((v, i) => (
              <li key={i}>
                {v.name}（{v.reason}）
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

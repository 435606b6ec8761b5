import { Card, Drawer, Table, Tag, Tooltip, Typography } from 'antd';
import type { AssessmentResult, SchemeDetail } from '@contracts/assessment';
import { useAuth } from '@/lib/auth';
import { DictTag } from '@/lib/dicts';
import { useT } from '@/lib/i18n';
import { GradeTag } from './grade-tag';
import { assessmentStrings } from './i18n';
import { RectificationHistory } from './rectification-panel';
import { ResultBreakdown } from './result-breakdown';

const fmt = (n: number | null) => (n === null ? '—' : n.toFixed(2).replace(/\.?0+$/, ''));

/** The ranking: rank, unit, each indicator's score, bonus, deduction, total, grade, rectification; a row opens its breakdown. */
export function ResultsTable({ scheme, results, loading, onOpen }: { scheme: SchemeDetail; results: readonly AssessmentResult[]; loading: boolean; onOpen(r: AssessmentResult): void }) {
  const t = useT(assessmentStrings);
  return (
    <Table<AssessmentResult>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={results}
      pagination={false}
      scroll={{ x: 800 + scheme.indicators.length * 110 }}
      locale={{ emptyText: t('noResults') }}
      onRow={(r) => ({ onClick: () => onOpen(r), style: { cursor: 'pointer' } })}
      data-testid="results-table"
      columns={[
        { title: t('rank'), dataIndex: 'rank', width: 64, align: 'center', fixed: 'left' },
        { title: t('unit'), dataIndex: 'deptName', width: 230, fixed: 'left' },
        ...scheme.indicators.map((ind, i) => ({
          title: `${ind.name}（${ind.weight}%）`,
          key: ind.key,
          width: 110,
          align: 'right' as const,
          render: (_: unknown, r: AssessmentResult) => {
            const s = r.indicators[i];
            if (!s) return '—';
            return s.note ? (
              <Tooltip title={s.note}>
                <Typography.Text type={s.score === null ? 'warning' : undefined} underline>
                  {fmt(s.score ?? 0)}
                </Typography.Text>
              </Tooltip>
            ) : (
              fmt(s.score)
            );
          },
        })),
        { title: t('bonus'), dataIndex: 'bonus', width: 70, align: 'right', render: (v: number) => (v ? `+${fmt(v)}` : '0') },
        { title: t('deduction'), dataIndex: 'deduction', width: 70, align: 'right', render: (v: number) => (v ? <Typography.Text type="danger">−{fmt(v)}</Typography.Text> : '0') },
        { title: t('total'), dataIndex: 'total', width: 80, align: 'right', fixed: 'right', render: (v: number) => <Typography.Text strong>{fmt(v)}</Typography.Text> },
        {
          title: t('grade'),
          key: 'grade',
          width: 130,
          fixed: 'right',
          render: (_: unknown, r: AssessmentResult) => (
            <>
              <GradeTag grade={r.grade} bands={scheme.gradeBands} failGrade={scheme.failGrade} />
              {r.vetoed ? <Tag color="red">{t('veto')}</Tag> : null}
            </>
          ),
        },
        {
          title: t('rectification'),
          key: 'rect',
          width: 90,
          fixed: 'right',
          render: (_: unknown, r: AssessmentResult) =>
            r.rectification ? <DictTag type="assessment_rectification_status" value={r.rectification.status} /> : r.needsRectification ? <Tag color="orange">{t('needsRectification')}</Tag> : null,
        },
      ]}
    />
  );
}

/** The breakdown of one unit's result, with its rectification reports for the office to review. */
export function ResultDrawer({ scheme, result, onClose }: { scheme: SchemeDetail; result: AssessmentResult | null; onClose(): void }) {
  const t = useT(assessmentStrings);
  const { can } = useAuth();
  return (
    <Drawer title={t('breakdownTitle', { name: result?.deptName ?? '' })} open={result !== null} onClose={onClose} size={760}>
      {result ? (
        <>
          <ResultBreakdown result={result} unitCount={scheme.units.length} bands={scheme.gradeBands} failGrade={scheme.failGrade} />
          {scheme.status === 'published' && (result.needsRectification || result.rectification) ? (
            <Card size="small" title={t('rectificationTitle')} style={{ marginTop: 16 }}>
              <RectificationHistory items={result.rectification ? [result.rectification] : []} canReview={can('assessment:rectification:review')} />
            </Card>
          ) : null}
        </>
      ) : null}
    </Drawer>
  );
}

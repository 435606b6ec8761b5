import { Alert, Card, Col, Empty, Row, Skeleton, Space, Statistic, Tag, Typography } from 'antd';
import type { MyResult } from '@contracts/assessment';
import { PageContainer } from '@/components/page-container';
import { DictTag } from '@/lib/dicts';
import { formatDate } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { useMyResults } from './api/get-my-results';
import { GradeTag } from './grade-tag';
import { assessmentStrings } from './i18n';
import { RectificationForm, RectificationHistory } from './rectification-panel';
import { ResultBreakdown } from './result-breakdown';

/** Why the unit must rectify, in words: a veto, deductions, a grade below the second band. */
function whyRectify(r: MyResult, t: (key: keyof typeof assessmentStrings, vars?: Record<string, string | number>) => string): string {
  const index = r.gradeBands.findIndex((b) => b.grade === r.grade);
  const lowGrade = (index < 0 ? r.gradeBands.length : index) >= Math.min(2, r.gradeBands.length);
  return [r.vetoed ? t('whyVeto') : null, r.deduction > 0 ? t('whyDeduction') : null, !r.vetoed && lowGrade ? t('whyGrade', { grade: r.grade }) : null].filter(Boolean).join('、');
}

function ResultCard({ r }: { r: MyResult }) {
  const t = useT(assessmentStrings);
  const bands = r.gradeBands;
  const latest = r.rectifications[0] ?? null;
  return (
    <Card
      title={
        <Space>
          {r.schemeName}
          <Tag>{r.year}</Tag>
        </Space>
      }
      extra={<Typography.Text type="secondary">{r.publishedAt ? `${t('publishedAt')}：${formatDate(r.publishedAt)}` : null}</Typography.Text>}
      style={{ marginBottom: 16 }}
      data-testid="my-result"
    >
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={6}>
          <Statistic title={t('total')} value={r.total} precision={2} />
        </Col>
        <Col span={6}>
          <Statistic title={t('rank')} value={r.rank} suffix={`/ ${r.unitCount}`} />
        </Col>
        <Col span={6}>
          <Typography.Text type="secondary">{t('grade')}</Typography.Text>
          <div style={{ marginTop: 8 }}>
            <GradeTag grade={r.grade} bands={bands} failGrade={r.failGrade} />
          </div>
        </Col>
        <Col span={6}>
          <Typography.Text type="secondary">{t('rectification')}</Typography.Text>
          <div style={{ marginTop: 8 }}>
            {latest ? (
              <DictTag type="assessment_rectification_status" value={latest.status} />
            ) : r.needsRectification ? (
              <Tag color="orange">{t('needsRectification')}</Tag>
            ) : (
              <Tag color="green">{t('none')}</Tag>
            )}
          </div>
        </Col>
      </Row>
      <ResultBreakdown result={r} unitCount={r.unitCount} bands={bands} failGrade={r.failGrade} summary={false} />
      <Card size="small" title={t('rectificationTitle')} style={{ marginTop: 16 }}>
        {!r.needsRectification ? (
          <Alert type="success" showIcon title={t('noShortfall')} />
        ) : (
          <>
            {latest?.status !== 'accepted' ? <Alert type="warning" showIcon title={t('whyRectify', { why: whyRectify(r, t) })} style={{ marginBottom: 12 }} /> : <Alert type="success" showIcon title={t('rectAccepted')} style={{ marginBottom: 12 }} />}
            {r.canSubmitRectification ? <RectificationForm key={latest?.id ?? 0} resultId={r.id} latest={latest} /> : null}
            {r.rectifications.length > 0 ? (
              <div style={{ marginTop: 16 }}>
                <RectificationHistory items={r.rectifications} canReview={false} />
              </div>
            ) : null}
          </>
        )}
      </Card>
    </Card>
  );
}

/** 我的考核: the unit's own published results, the breakdown, and its rectification reports. */
export default function MyAssessmentPage() {
  const t = useT(assessmentStrings);
  const tc = useT(common);
  const mine = useMyResults();
  return (
    <PageContainer title={tc('myAssessment')} description={t('mineDescription')}>
      {mine.isLoading ? <Skeleton active /> : (mine.data?.items ?? []).length === 0 ? <Empty description={t('noMyResults')} /> : mine.data!.items.map((r) => <ResultCard key={r.id} r={r} />)}
    </PageContainer>
  );
}

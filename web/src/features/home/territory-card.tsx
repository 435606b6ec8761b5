import { Alert, Card, Col, Row, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { useAuth } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { useTerritoryCount, useTerritoryGrades } from './api/get-territory';
import { homeStrings } from './i18n';

const red = (n: number | undefined) => (n ? { content: { color: '#cf1322' } } : undefined);

/** Where the caller's registry lies, in words: the whole city, their district, or the codes. */
export function useTerritoryLabel(): string {
  const t = useT(homeStrings);
  const { me } = useAuth();
  const territory = me?.dataScope.territory ?? [];
  if (me?.dataScope.kinds.includes('all') || territory.some((p) => p.length <= 2)) return t('territoryCity');
  if (territory.length === 1 && me?.user.districtCode?.startsWith(territory[0]!) && me.user.districtName) return me.user.districtName;
  return territory.join('、');
}

/**
 * 本辖区市场主体: the officer's entities and what needs looking at among them — grade D, risk class D
 * (for those who may see risk classes), producers of licensed products without a 质量安全总监
 * (SAMR Order 75 Art. 5). Each figure opens the registry with that filter.
 */
export function TerritoryCard() {
  const t = useT(homeStrings);
  const { can } = useAuth();
  const label = useTerritoryLabel();
  const grades = useTerritoryGrades(can('credit:evaluation:list'));
  const total = useTerritoryCount({}, !can('credit:evaluation:list'));
  const missing = useTerritoryCount({ missingOfficer: 'true' }, true);
  const error = grades.error ?? total.error ?? missing.error;
  const count = (key: string, list: { grade: string; count: number }[] | null | undefined) => list?.find((g) => g.grade === key)?.count ?? 0;
  const entities = grades.data?.total ?? total.data;
  const gradeD = count('D', grades.data?.grades);
  const riskD = grades.data?.riskClasses ? count('D', grades.data.riskClasses) : null;
  return (
    <Card
      title={t('territoryTitle', { territory: label })}
      extra={<Link to="/entities">{t('territoryOpen')}</Link>}
      loading={grades.isLoading || total.isLoading || missing.isLoading}
      data-testid="home-territory"
    >
      {error ? <Alert type="error" showIcon title={(error as Error).message} style={{ marginBottom: 12 }} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Link to="/entities">
            <Statistic title={t('territoryEntities')} value={entities ?? 0} />
          </Link>
        </Col>
        {grades.data ? (
          <Col xs={12} md={6}>
            <Link to="/entities?grade=D">
              <Statistic title={t('territoryGradeD')} value={gradeD} styles={red(gradeD)} />
            </Link>
          </Col>
        ) : null}
        {riskD !== null ? (
          <Col xs={12} md={6}>
            <Link to="/entities?riskClass=D">
              <Statistic title={t('territoryRiskD')} value={riskD} styles={red(riskD)} />
            </Link>
          </Col>
        ) : null}
        <Col xs={12} md={6}>
          <Link to="/entities?missingOfficer=true">
            <Statistic title={t('territoryMissingOfficer')} value={missing.data ?? 0} styles={missing.data ? { content: { color: '#d46b08' } } : undefined} />
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('territoryMissingOfficerHint')}
          </Typography.Text>
        </Col>
      </Row>
    </Card>
  );
}

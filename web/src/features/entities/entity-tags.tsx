import { WarningFilled } from '@ant-design/icons';
import { Tag, Tooltip, Typography } from 'antd';
import { DictTag } from '@/lib/dicts';
import { useT } from '@/lib/i18n';
import { entityStrings } from './i18n';

/** The credit grade as a coloured tag (AAA green … D red); 未评价 before the first evaluation. */
export function GradeTag({ grade }: { grade: string | null }) {
  const t = useT(entityStrings);
  if (!grade) return <Typography.Text type="secondary">{t('noGrade')}</Typography.Text>;
  return <DictTag type="credit_grade" value={grade} />;
}

/** The credit-risk class tag; nothing when the reader may not see it (the API sends null). */
export function RiskTag({ riskClass }: { riskClass: string | null }) {
  if (!riskClass) return null;
  return <DictTag type="credit_risk_class" value={riskClass} />;
}

/** A warning icon for a large/medium licensed producer without a 质量安全总监 (Order 75 Art. 5). */
export function MissingOfficerIcon() {
  const t = useT(entityStrings);
  return (
    <Tooltip title={t('missingOfficerHint')}>
      <WarningFilled style={{ color: '#fa8c16' }} aria-label={t('missingOfficer')} data-testid="missing-officer" />
    </Tooltip>
  );
}

const LICENCE_STATE_COLORS: Record<string, string> = { valid: 'green', expiring: 'orange', expired: 'red', revoked: 'default' };
const LICENCE_STATE_KEYS = { valid: 'stateValid', expiring: 'stateExpiring', expired: 'stateExpired', revoked: 'stateRevoked' } as const;

export function LicenceStateTag({ state }: { state: string }) {
  const t = useT(entityStrings);
  const key = LICENCE_STATE_KEYS[state as keyof typeof LICENCE_STATE_KEYS];
  return <Tag color={LICENCE_STATE_COLORS[state]}>{key ? t(key) : state}</Tag>;
}

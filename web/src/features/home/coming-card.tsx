import { Card, Typography } from 'antd';
import { Link } from 'react-router';
import { useAuth } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { homeStrings } from './i18n';
import { useTerritoryLabel } from './territory-card';

/**
 * What an inspector or a testing body will do here, and what they can do now. Their own work
 * (双随机 inspections, 抽检分离 samples) comes with modules not built yet: the page says so in a
 * few words instead of showing an empty page or invented tasks.
 */
export function ComingCard({ role }: { role: 'inspector' | 'lab' }) {
  const t = useT(homeStrings);
  const { can } = useAuth();
  const territory = useTerritoryLabel();
  const now =
    role === 'inspector'
      ? [
          can('entities:entity:list') ? (
            <li key="registry">
              <Link to="/entities">{t('inspectorNowRegistry', { territory })}</Link>
            </li>
          ) : null,
          can('entities:record:create') ? <li key="records">{t('inspectorNowRecords')}</li> : null,
        ]
      : [
          can('system:calendar:list') ? (
            <li key="calendar">
              <Link to="/system/calendar">{t('labNowCalendar')}</Link>
            </li>
          ) : null,
        ];
  return (
    <Card title={t(role === 'inspector' ? 'inspectorTitle' : 'labTitle')} data-testid={`home-coming-${role}`}>
      <Typography.Paragraph>{t(role === 'inspector' ? 'inspectorComing' : 'labComing')}</Typography.Paragraph>
      {now.some(Boolean) ? (
        <>
          <Typography.Text strong>{t('canNow')}</Typography.Text>
          <ul style={{ marginTop: 8, marginBottom: 0, paddingInlineStart: 20 }}>{now}</ul>
        </>
      ) : null}
    </Card>
  );
}

import { App } from 'antd';
import { useNavigate } from 'react-router';
import { useT } from '@/lib/i18n';
import type { ImportOutcome } from './api/import-plan';
import { planStrings } from './i18n';

/** After an import: say whether the plan is new or was there already, and open its review page. */
export function useOpenImported(): (outcome: ImportOutcome) => void {
  const t = useT(planStrings);
  const { message } = App.useApp();
  const navigate = useNavigate();
  return (outcome) => {
    if (outcome.created) message.success(t('imported'));
    else message.info(t('alreadyImported'), 5);
    navigate(`/plans/${outcome.plan.id}`);
  };
}

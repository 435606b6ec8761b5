import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { List, Typography } from 'antd';
import type { RepairCondition } from '@contracts/credit-repair';
import { usePick, useT } from '@/lib/i18n';
import { creditStrings } from './i18n';

/** The repair conditions checked against the archive: ✓ met / ✗ not met, with the dates that matter. */
export function RepairConditions({ conditions }: { conditions: readonly RepairCondition[] }) {
  const t = useT(creditStrings);
  const pick = usePick();
  return (
    <List
      size="small"
      bordered
      data-testid="repair-conditions"
      dataSource={[...conditions]}
      renderItem={(c) => (
        <List.Item data-met={c.met ? 'yes' : 'no'}>
          <span style={{ display: 'flex', gap: 8, alignItems: 'baseline' }}>
            {c.met ? <CheckCircleFilled style={{ color: '#389e0d' }} aria-label={t('met')} /> : <CloseCircleFilled style={{ color: '#cf1322' }} aria-label={t('unmet')} />}
            <Typography.Text type={c.met ? undefined : 'danger'}>{pick(c.detail)}</Typography.Text>
          </span>
        </List.Item>
      )}
    />
  );
}

import { Tooltip, Typography } from 'antd';
import type { ParsedDeadline } from '@contracts/plans';
import { useT } from '@/lib/i18n';
import { planStrings } from './i18n';

/** Where a target or deadline that belongs to no item stands: 正文前, 文末 (or 条目外 for older drafts). */
export function OutsideItems({ position }: { position: ParsedDeadline['position'] }) {
  const t = useT(planStrings);
  const [label, hint] = position === 'closing' ? (['afterItems', 'afterItemsHint'] as const) : position === 'preamble' ? (['beforeItems', 'beforeItemsHint'] as const) : (['outsideItems', 'outsideItemsHint'] as const);
  return (
    <Tooltip title={t(hint)}>
      <Typography.Text type="secondary">{t(label)}</Typography.Text>
    </Tooltip>
  );
}

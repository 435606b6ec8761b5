import { Typography } from 'antd';
import { useDict } from '@/lib/dicts';

/**
 * An audit code (action such as `system.role.update`, target type such as `role`): its label when
 * an administrator has defined one in the named dictionary, the code itself always shown.
 */
export function CodeLabel({ dict, value }: { dict: 'sys_audit_action' | 'sys_audit_target'; value: string }) {
  const labels = useDict(dict);
  const label = labels.label(value);
  const code = (
    <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
      {value}
    </Typography.Text>
  );
  if (label === value) return code;
  return (
    <span>
      {label}
      <br />
      {code}
    </span>
  );
}

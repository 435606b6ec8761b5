import { Button } from 'antd';

/**
 * The 删除 column of an editable draft table (targets, deadlines): none when the plan is read-only.
 * `remove(index)` drops the row at that position.
 */
export function removeColumn<T extends { key: number }>(readOnly: boolean, label: string, remove: (index: number) => void) {
  if (readOnly) return [];
  return [
    {
      title: '',
      key: 'remove',
      width: 70,
      render: (_: unknown, r: T) => (
        <Button type="link" size="small" danger onClick={() => remove(r.key)}>
          {label}
        </Button>
      ),
    },
  ];
}

import { Select, type SelectProps } from 'antd';
import type { District } from '@contracts/system';

/** A district picker: 名称（代码）, searchable by both, clearable. Other Select props (value, onChange, placeholder…) pass through. */
export function DistrictSelect({ districts, ...props }: { districts: readonly District[] } & Omit<SelectProps<string>, 'options'>) {
  return <Select allowClear showSearch={{ optionFilterProp: 'label' }} {...props} options={districts.map((d) => ({ value: d.code, label: `${d.name}（${d.code}）` }))} />;
}

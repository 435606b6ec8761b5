import { Cascader } from 'antd';
import { INDUSTRY_SECTIONS } from '@contracts/industries';

const OPTIONS = INDUSTRY_SECTIONS.map((s) => ({
  value: s.code,
  label: `${s.code} ${s.name}`,
  children: s.divisions.map((d) => ({ value: d.code, label: `${d.code} ${d.name}` })),
}));

/** The industry code the API takes: the division when one is chosen, else the section letter. */
export function industryCode(path: readonly string[] | undefined | null): string | undefined {
  if (!path || path.length === 0) return undefined;
  return path[path.length - 1];
}

/** The cascader path of an entity's section and division. */
export function industryPath(section: string, division: string | null): string[] {
  return division ? [section, division] : [section];
}

/**
 * GB/T 4754-2017 industry: a section (门类), then optionally a division (大类). Selecting a section
 * alone is allowed (changeOnSelect), searchable by code or name.
 */
export function IndustryCascader({ value, onChange, placeholder, style }: { value?: string[]; onChange?(v: string[] | undefined): void; placeholder?: string; style?: React.CSSProperties }) {
  return (
    <Cascader
      options={OPTIONS}
      value={value}
      onChange={(v) => onChange?.(v && v.length ? (v as string[]) : undefined)}
      changeOnSelect
      allowClear
      showSearch={{ filter: (input, path) => path.some((o) => String(o.label).toLowerCase().includes(input.toLowerCase())) }}
      placeholder={placeholder}
      style={style}
      displayRender={(labels) => labels[labels.length - 1]}
    />
  );
}

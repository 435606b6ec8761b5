/**
 * Dictionaries (数据字典): every enum shown in the UI comes from /api/system/dicts/all, so an
 * administrator's relabelling shows everywhere.
 */
import { useQuery } from '@tanstack/react-query';
import { Tag } from 'antd';
import type { DictItem } from '@contracts/system';
import { api } from './api-client';
import { useLang } from './i18n';

export function useDicts() {
  return useQuery({ queryKey: ['dicts', 'all'], queryFn: () => api.get<Record<string, DictItem[]>>('/api/system/dicts/all'), staleTime: 5 * 60_000 });
}

/** Label lookup and select options for one dictionary type. */
export function useDict(type: string) {
  const { data } = useDicts();
  const { lang } = useLang();
  const items = data?.[type] ?? [];
  const labelOf = (item: DictItem) => (lang === 'en' ? (item.labelEn ?? item.labelZh) : item.labelZh);
  return {
    items,
    options: items.map((i) => ({ value: i.value, label: labelOf(i) })),
    label: (value: string | null | undefined) => {
      if (value === null || value === undefined) return '';
      const item = items.find((i) => i.value === value);
      return item ? labelOf(item) : value;
    },
    color: (value: string | null | undefined) => items.find((i) => i.value === value)?.color ?? undefined,
  };
}

/** A value shown as a coloured tag with its dictionary label. */
export function DictTag({ type, value }: { type: string; value: string | null | undefined }) {
  const dict = useDict(type);
  if (value === null || value === undefined) return null;
  return <Tag color={dict.color(value)}>{dict.label(value)}</Tag>;
}

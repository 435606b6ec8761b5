import type { TablePaginationConfig } from 'antd';
import { useCallback, useState } from 'react';
import { common } from '@/locales/common';
import { useT } from './i18n';

/**
 * Server-side paging of a list page: the page and page size to ask for, `reset()` (back to page 1,
 * for a new search) and `pagination(total)`, the table's pager. Changing the page size goes back to
 * page 1.
 */
export function usePaging(initialPageSize = 20) {
  const tc = useT(common);
  const [{ page, pageSize }, setPaging] = useState({ page: 1, pageSize: initialPageSize });
  const reset = useCallback(() => setPaging((p) => ({ ...p, page: 1 })), []);
  const pagination = (total: number): TablePaginationConfig => ({
    current: page,
    pageSize,
    total,
    showSizeChanger: true,
    showTotal: (n) => tc('total', { total: n }),
    onChange: (p, s) => setPaging({ page: s === pageSize ? p : 1, pageSize: s }),
  });
  return { page, pageSize, reset, pagination };
}

/**
 * A paged list's search filter: `search(filter)` applies a new one (`{}` for 重置) and goes back to
 * page 1. `initial`: the filter a link opened the page with (read once).
 */
export function usePagedFilter<F extends object>(initial?: F) {
  const [filter, setFilter] = useState<F>(() => initial ?? ({} as F));
  const paging = usePaging();
  const search = (next: F) => {
    setFilter(next);
    paging.reset();
  };
  return { filter, search, paging };
}

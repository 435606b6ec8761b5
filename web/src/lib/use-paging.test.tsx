import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from './i18n';
import { usePagedFilter, usePaging } from './use-paging';

const wrapper = ({ children }: { children: ReactNode }) => <I18nProvider>{children}</I18nProvider>;

describe('usePaging', () => {
  it('starts on page 1 and follows the pager', () => {
    const { result } = renderHook(() => usePaging(), { wrapper });
    expect([result.current.page, result.current.pageSize]).toEqual([1, 20]);
    act(() => result.current.pagination(95).onChange!(3, 20));
    expect([result.current.page, result.current.pageSize]).toEqual([3, 20]);
    expect(result.current.pagination(95)).toMatchObject({ current: 3, pageSize: 20, total: 95 });
  });

  it('goes back to page 1 when the page size changes', () => {
    const { result } = renderHook(() => usePaging(10), { wrapper });
    act(() => result.current.pagination(95).onChange!(4, 10));
    act(() => result.current.pagination(95).onChange!(4, 50));
    expect([result.current.page, result.current.pageSize]).toEqual([1, 50]);
  });

  it('shows the total in the user’s language', () => {
    document.cookie = 'zl_lang=en; path=/';
    try {
      const { result } = renderHook(() => usePaging(), { wrapper });
      const showTotal = result.current.pagination(42).showTotal!;
      expect(showTotal(42, [1, 20])).toBe('42 in all');
    } finally {
      document.cookie = 'zl_lang=; path=/; max-age=0';
    }
    const { result } = renderHook(() => usePaging(), { wrapper });
    expect(result.current.pagination(42).showTotal!(42, [1, 20])).toBe('共 42 条');
  });
});

describe('usePagedFilter', () => {
  it('starts from the filter a link opened the page with', () => {
    const { result } = renderHook(() => usePagedFilter({ status: 'overdue' }), { wrapper });
    expect(result.current.filter).toEqual({ status: 'overdue' });
  });

  it('goes back to page 1 on a new search, keeping the page size', () => {
    const { result } = renderHook(() => usePagedFilter<{ keyword?: string }>(), { wrapper });
    act(() => result.current.paging.pagination(200).onChange!(5, 50));
    expect(result.current.paging.page).toBe(1);
    act(() => result.current.paging.pagination(200).onChange!(5, 50));
    expect(result.current.paging.page).toBe(5);
    act(() => result.current.search({ keyword: '质量' }));
    expect(result.current.filter).toEqual({ keyword: '质量' });
    expect([result.current.paging.page, result.current.paging.pageSize]).toEqual([1, 50]);
  });
});

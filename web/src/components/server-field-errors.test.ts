import type { FormInstance } from 'antd';
import { describe, expect, it } from 'vitest';
import { pickLang } from '@contracts/i18n';
import { ApiError } from '@/lib/api-client';
import { showServerFieldErrors } from './server-field-errors';

/** The one method the helper uses, recording what it was given. */
function fakeForm() {
  const set: { name: string; errors: string[] }[][] = [];
  const form = { setFields: (fields: { name: string; errors: string[] }[]) => set.push(fields) } as unknown as FormInstance;
  return { form, set };
}
const english = (message: string) => pickLang(message, 'en');

describe('showServerFieldErrors', () => {
  it('puts each problem of a 400 on the field it names, in the user’s language', () => {
    const { form, set } = fakeForm();
    const err = new ApiError(400, 'VALIDATION_FAILED', 'invalid', [
      { path: 'username', message: '用户名已存在 ¦ Username taken' },
      { path: 'roleIds.0', message: '角色不存在 ¦ No such role' },
      { path: 'roleIds.1', message: '角色已停用 ¦ Role disabled' },
      { message: 'no path: only the notification shows it' },
    ]);
    expect(showServerFieldErrors(form, err, english)).toBe(true);
    expect(set).toEqual([
      [
        { name: 'username', errors: ['Username taken'] },
        { name: 'roleIds', errors: ['No such role', 'Role disabled'] },
      ],
    ]);
  });

  it('maps other error codes to a field when asked', () => {
    const { form, set } = fakeForm();
    const err = new ApiError(409, 'CONFLICT', '已存在 / exists');
    expect(showServerFieldErrors(form, err, english, { CONFLICT: 'name' })).toBe(true);
    expect(set[0]).toEqual([{ name: 'name', errors: ['已存在 / exists'] }]);
  });

  it('leaves the form alone for anything but an API error', () => {
    const { form, set } = fakeForm();
    expect(showServerFieldErrors(form, new Error('network down'), english)).toBe(false);
    expect(set).toEqual([]);
  });
});

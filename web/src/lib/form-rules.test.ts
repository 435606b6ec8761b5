import type { RuleObject } from 'antd/es/form';
import { describe, expect, it } from 'vitest';
import { createUserBody } from '@contracts/system';
import { passwordAccountRule, zodRule } from './form-rules';

/** Run an antd rule's validator the way the form does: it resolves, or rejects with the message shown. */
async function check(rule: unknown, value: unknown): Promise<string | null> {
  try {
    await (rule as RuleObject).validator!({} as never, value, () => undefined);
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

describe('zodRule', () => {
  const username = createUserBody.shape.username;

  it('says what the server would answer, in the user’s language', async () => {
    expect(await check(zodRule(username, 'zh'), '-bad')).toBe('用户名只能包含字母、数字、下划线、点和连字符，且以字母或数字开头');
    expect(await check(zodRule(username, 'en'), '-bad')).toBe('A username holds letters, digits, _ . - and starts with a letter or digit');
  });

  it('accepts what the schema accepts', async () => {
    expect(await check(zodRule(username, 'zh'), 'zhang.san')).toBeNull();
  });

  it('leaves empty values to the required rule', async () => {
    for (const empty of [undefined, null, '']) expect(await check(zodRule(username, 'zh'), empty)).toBeNull();
  });

  it('applies the password policy shared with the server', async () => {
    const password = createUserBody.shape.password;
    expect(await check(zodRule(password, 'en'), 'short')).toMatch(/At least \d+ characters/);
    expect(await check(zodRule(password, 'en'), 'Quality-2026-Tianjin')).toBeNull();
  });
});

describe('passwordAccountRule', () => {
  it('refuses a password that contains the username, in any case', async () => {
    expect(await check(passwordAccountRule('zhangsan', 'en'), 'ZhangSan-2026!')).toBe('The password must not contain the username (in any case)');
    expect(await check(passwordAccountRule('zhangsan', 'zh'), 'ZhangSan-2026!')).toBe('密码不能包含用户名（不区分大小写）');
  });

  it('leaves the general policy to zodRule (one message per problem)', async () => {
    expect(await check(passwordAccountRule('zhangsan', 'en'), 'short')).toBeNull();
    expect(await check(passwordAccountRule(null, 'en'), 'zhangsan')).toBeNull();
  });
});

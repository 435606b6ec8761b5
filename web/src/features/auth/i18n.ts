import type { Strings } from '@/lib/i18n';

export const authStrings = {
  title: ['质量强市综合管理平台', 'Zhiliang quality governance platform'],
  subtitle: ['质量强市 · 行动计划 · 质量信用 · 监督抽查 · 投诉举报', 'Action plans · quality credit · sampling · complaints'],
  username: ['用户名', 'Username'],
  password: ['密码', 'Password'],
  login: ['登 录', 'Log in'],
  usernameRequired: ['请输入用户名', 'Enter your username'],
  passwordRequired: ['请输入密码', 'Enter your password'],
  lockedTitle: ['已暂停从此处登录', 'Login paused from here'],
  throttledTitle: ['登录失败次数过多', 'Too many failed logins'],
  changeTitle: ['修改密码', 'Change password'],
  changeForced: ['首次登录或密码被重置，请先设置新密码。', 'Set a new password before you continue (first login or reset).'],
  currentPassword: ['当前密码', 'Current password'],
  newPassword: ['新密码', 'New password'],
  confirmPassword: ['确认新密码', 'Confirm new password'],
  mismatch: ['两次输入的密码不一致', 'The passwords differ'],
  policy: [
    '至少 10 位，包含大写字母、小写字母、数字、符号中的至少三类；不能包含用户名，不能是常见或容易猜到的密码（如 Password@123）',
    'At least 10 characters with three of: upper case, lower case, digits, symbols; not containing your username, and not a common or guessable password (like Password@123)',
  ],
  changed: ['密码已修改', 'Password changed'],
  submit: ['确认修改', 'Change password'],
  back: ['返回', 'Back'],
  creditLookup: ['信用信息查询', 'Credit lookup'],
} as const satisfies Strings;

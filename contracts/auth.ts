import { z } from 'zod';
import { msg } from './i18n.js';
import { DATA_SCOPES } from './permissions.js';

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

/** Character classes counted by the password policy. */
const CLASSES: readonly RegExp[] = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/];

/**
 * Password policy, the part that needs no dictionary: at least 10 characters from at least 3 of the
 * 4 classes (lower, upper, digit, symbol), and — when the account is known — not containing its
 * username in any case. Returns the reasons it fails (bilingual, see i18n.ts), empty when it passes.
 * Used by the server and by the web forms, so both say the same thing; the server also refuses
 * guessable passwords (a strength estimate over common-password dictionaries, server side only).
 */
export function passwordPolicyProblems(password: string, account: { username?: string | null } = {}): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN) problems.push(msg(`密码至少 ${PASSWORD_MIN} 个字符`, `At least ${PASSWORD_MIN} characters`));
  if (password.length > PASSWORD_MAX) problems.push(msg(`密码不超过 ${PASSWORD_MAX} 个字符`, `At most ${PASSWORD_MAX} characters`));
  const classes = CLASSES.filter((re) => re.test(password)).length;
  if (classes < 3) {
    problems.push(msg('密码需包含大写字母、小写字母、数字、符号中的至少三类', 'Use at least three of: upper case, lower case, digits, symbols'));
  }
  const username = account.username?.trim().toLowerCase();
  if (username && password.toLowerCase().includes(username)) {
    problems.push(msg('密码不能包含用户名（不区分大小写）', 'The password must not contain the username (in any case)'));
  }
  return problems;
}

export const newPassword = z
  .string()
  .max(PASSWORD_MAX)
  .superRefine((value, ctx) => {
    for (const p of passwordPolicyProblems(value)) ctx.addIssue({ code: 'custom', message: p });
  });

export const username = z
  .string()
  .trim()
  .min(3)
  .max(32)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, { message: msg('用户名只能包含字母、数字、下划线、点和连字符，且以字母或数字开头', 'A username holds letters, digits, _ . - and starts with a letter or digit') });

export const loginBody = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(PASSWORD_MAX),
});
export type LoginBody = z.infer<typeof loginBody>;

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(PASSWORD_MAX),
  newPassword,
});
export type ChangePasswordBody = z.infer<typeof changePasswordBody>;

export const dataScopeSchema = z.object({
  kinds: z.array(z.enum(DATA_SCOPES)),
  deptIds: z.array(z.number().int()),
  /** GB/T 2260 prefixes the user covers through a district scope (120101, or 12 for a whole city). */
  districtPrefixes: z.array(z.string()),
  /** The territory (辖区) whose market entities the scope covers, as GB/T 2260 prefixes ("12" the whole city); empty for the full scope. */
  territory: z.array(z.string()),
});

export const meResponse = z.object({
  user: z.object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    deptId: z.number().int().nullable(),
    deptName: z.string().nullable(),
    districtCode: z.string().nullable(),
    districtName: z.string().nullable(),
    enterpriseUscc: z.string().nullable(),
    mustChangePassword: z.boolean(),
  }),
  roles: z.array(z.object({ key: z.string(), name: z.string() })),
  permissions: z.array(z.string()),
  dataScope: dataScopeSchema,
});
export type MeResponse = z.infer<typeof meResponse>;

export const lockedDetails = z.object({ unlockAt: z.string(), minutes: z.number() });

/**
 * antd Form rules from the same Zod schemas the server validates with, so a form says exactly
 * what the API would answer, in the user's language.
 */
import type { Rule, RuleObject } from 'antd/es/form';
import type { ZodType } from 'zod';
import { passwordPolicyProblems } from '@contracts/auth';
import { pickLang, type Lang } from '@contracts/i18n';

/**
 * One field's rule: validate the value against `schema` (e.g. `createUserBody.shape.username`).
 * Empty values pass: whether a field is required is the `required` rule's job (one message, not two).
 */
export function zodRule(schema: ZodType, lang: Lang): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      if (value === undefined || value === null || value === '') return;
      const result = schema.safeParse(value);
      if (!result.success) throw new Error(pickLang(result.error.issues[0]?.message ?? '', lang));
    },
  };
}

/**
 * The password rule that depends on the account: it must not contain the username (as the server
 * checks it). Whether the password is guessable only the server says (its dictionaries are not sent
 * to the browser); the form shows that answer on the field.
 */
export function passwordAccountRule(username: string | null | undefined, lang: Lang): RuleObject {
  return {
    validator: async (_rule, value: unknown) => {
      if (typeof value !== 'string' || value === '' || !username) return;
      const plain = passwordPolicyProblems(value);
      const extra = passwordPolicyProblems(value, { username }).filter((p) => !plain.includes(p));
      if (extra.length > 0) throw new Error(pickLang(extra[0]!, lang));
    },
  };
}

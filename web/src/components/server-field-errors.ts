import type { FormInstance } from 'antd';
import { ApiError } from '@/lib/api-client';

interface IssueDetail {
  path?: string;
  message?: string;
}

/**
 * Put the field problems of a 400 answer (`details: [{ path, message }]`) on the form fields they
 * name, next to what the user typed. `extra` maps other error codes to a field (e.g. USERNAME_TAKEN
 * → username). Returns whether any field got a message. The caller still notifies the error.
 */
export function showServerFieldErrors(
  form: FormInstance,
  err: unknown,
  pick: (message: string) => string,
  extra: Partial<Record<string, string>> = {},
): boolean {
  if (!(err instanceof ApiError)) return false;
  const fields = new Map<string, string[]>();
  if (Array.isArray(err.details)) {
    for (const d of err.details as IssueDetail[]) {
      // "roleIds.0" → roleIds. A path the form does not show is harmless: the notification lists it.
      const name = d.path?.split('.')[0];
      if (!name || !d.message) continue;
      fields.set(name, [...(fields.get(name) ?? []), pick(d.message)]);
    }
  }
  const byCode = extra[err.code];
  if (byCode) fields.set(byCode, [err.message]);
  form.setFields([...fields].map(([name, errors]) => ({ name, errors })));
  return fields.size > 0;
}

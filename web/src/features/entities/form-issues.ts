import type { FormInstance } from 'antd';

/** Put a Zod parse's issues on the form fields they name (payload.decisionNo → ['payload','decisionNo']). */
export function showIssues(form: FormInstance, issues: readonly { path: readonly PropertyKey[]; message: string }[], pick: (message: string) => string): void {
  form.setFields(issues.map((i) => ({ name: i.path.map(String), errors: [pick(i.message)] })));
}

import { Form, Input, Select } from 'antd';
import type { District } from '@contracts/system';
import { SearchActions } from '@/components/search-actions';
import { useDict } from '@/lib/dicts';
import { useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import type { RoleOption } from './api/get-role-options';
import type { UserFilter } from './api/get-users';
import { userStrings } from './i18n';

type SearchValues = Omit<UserFilter, 'deptId'>;

/** The search form above the user list: keyword, district, role, status. */
export function UserSearch({
  districts,
  roles,
  onSearch,
  onReset,
}: {
  districts: readonly District[];
  roles: readonly RoleOption[];
  onSearch(values: SearchValues): void;
  onReset(): void;
}) {
  const t = useT(userStrings);
  const tc = useT(common);
  const statuses = useDict('sys_status');

  return (
    <Form
      // A name prefixes the field ids, which would otherwise clash with the form in the modal.
      name="user-search"
      layout="inline"
      onFinish={(v: SearchValues) => onSearch({ ...v, keyword: v.keyword?.trim() || undefined })}
      style={{ marginBottom: 16, rowGap: 12 }}
    >
      <Form.Item name="keyword" label={tc('keyword')}>
        <Input allowClear placeholder={t('keywordPlaceholder')} maxLength={100} style={{ width: 250 }} />
      </Form.Item>
      <Form.Item name="districtCode" label={t('district')}>
        <Select
          allowClear
          placeholder={tc('all')}
          style={{ width: 150 }}
          showSearch={{ optionFilterProp: 'label' }}
          options={districts.map((d) => ({ value: d.code, label: d.name }))}
        />
      </Form.Item>
      <Form.Item name="roleId" label={t('roles')}>
        <Select allowClear placeholder={tc('all')} style={{ width: 150 }} options={roles.map((r) => ({ value: r.id, label: r.name }))} />
      </Form.Item>
      <Form.Item name="status" label={tc('status')}>
        <Select allowClear placeholder={tc('all')} style={{ width: 110 }} options={statuses.options} />
      </Form.Item>
      <SearchActions onReset={onReset} />
    </Form>
  );
}

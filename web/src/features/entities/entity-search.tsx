import { Checkbox, Form, Input, Select } from 'antd';
import type { District } from '@contracts/system';
import { DistrictSelect } from '@/components/district-select';
import { SearchActions } from '@/components/search-actions';
import { useAuth } from '@/lib/auth';
import { useDict } from '@/lib/dicts';
import { useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import type { EntityFilter } from './api/get-entities';
import { entityStrings } from './i18n';
import { IndustryCascader, industryCode } from './industry-cascader';

interface SearchValues {
  keyword?: string;
  districtCode?: string;
  industry?: string[];
  status?: string;
  entityType?: string;
  grade?: string;
  riskClass?: string;
  missingOfficer?: boolean;
}

/** The registry's search bar. The risk-class filter shows only to staff allowed to see risk classes. */
export function EntitySearch({ districts, onSearch, initial }: { districts: readonly District[]; onSearch(filter: EntityFilter): void; initial?: EntityFilter }) {
  const t = useT(entityStrings);
  const tc = useT(common);
  const { can } = useAuth();
  const statuses = useDict('ent_status');
  const types = useDict('ent_type');
  const grades = useDict('credit_grade');
  const risks = useDict('credit_risk_class');
  return (
    <Form<SearchValues>
      name="entity-search"
      layout="inline"
      initialValues={{ grade: initial?.grade, riskClass: initial?.riskClass, missingOfficer: initial?.missingOfficer === 'true' }}
      onFinish={(v) =>
        onSearch({
          keyword: v.keyword?.trim() || undefined,
          districtCode: v.districtCode || undefined,
          industry: industryCode(v.industry),
          status: v.status,
          entityType: v.entityType,
          grade: v.grade,
          riskClass: v.riskClass,
          missingOfficer: v.missingOfficer ? 'true' : undefined,
        })
      }
      style={{ marginBottom: 16, rowGap: 12 }}
    >
      <Form.Item name="keyword" label={tc('keyword')}>
        <Input allowClear placeholder={t('keywordPlaceholder')} maxLength={100} style={{ width: 300 }} />
      </Form.Item>
      {districts.length > 1 ? (
        <Form.Item name="districtCode" label={t('district')}>
          <DistrictSelect districts={districts} placeholder={tc('all')} style={{ width: 190 }} />
        </Form.Item>
      ) : null}
      <Form.Item name="industry" label={t('industry')}>
        <IndustryCascader placeholder={t('industryPlaceholder')} style={{ width: 220 }} />
      </Form.Item>
      <Form.Item name="status" label={t('status')}>
        <Select allowClear placeholder={tc('all')} style={{ width: 110 }} options={statuses.options} />
      </Form.Item>
      <Form.Item name="entityType" label={t('entityType')}>
        <Select allowClear placeholder={tc('all')} style={{ width: 150 }} options={types.options} />
      </Form.Item>
      <Form.Item name="grade" label={t('grade')}>
        <Select allowClear placeholder={tc('all')} style={{ width: 170 }} options={grades.options} />
      </Form.Item>
      {can('credit:risk:list') ? (
        <Form.Item name="riskClass" label={t('riskClass')}>
          <Select allowClear placeholder={tc('all')} style={{ width: 180 }} options={risks.options} />
        </Form.Item>
      ) : null}
      <Form.Item name="missingOfficer" valuePropName="checked">
        <Checkbox>{t('missingOfficer')}</Checkbox>
      </Form.Item>
      <SearchActions onReset={() => onSearch({})} />
    </Form>
  );
}

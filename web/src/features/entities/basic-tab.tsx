import { EditOutlined } from '@ant-design/icons';
import { Button, Descriptions, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { EntityDetail } from '@contracts/entities';
import { useAuth } from '@/lib/auth';
import { DictTag } from '@/lib/dicts';
import { formatDateTime } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { useDistricts } from './api/get-districts';
import { EntityForm } from './entity-form';
import { entityStrings } from './i18n';

/** Registration details; officers with entities:entity:update edit them (optimistic lock on `version`). */
export function BasicTab({ entity, readOnly, onConflict }: { entity: EntityDetail; readOnly: boolean; onConflict(): void }) {
  const t = useT(entityStrings);
  const tc = useT(common);
  const { can } = useAuth();
  const districts = useDistricts().data?.items ?? [];
  const [editing, setEditing] = useState(false);
  const dash = <Typography.Text type="secondary">—</Typography.Text>;
  const v = (x: string | number | null) => (x === null || x === '' ? dash : x);

  return (
    <>
      {!readOnly && can('entities:entity:update') ? (
        <Space style={{ width: '100%', justifyContent: 'flex-end', marginBottom: 12 }}>
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {tc('edit')}
          </Button>
        </Space>
      ) : null}
      <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }}>
        <Descriptions.Item label={t('name')}>{entity.name}</Descriptions.Item>
        <Descriptions.Item label={t('uscc')}>
          <Typography.Text copyable style={{ fontFamily: 'monospace' }}>
            {entity.uscc}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('formerNames')}>{entity.formerNames.length ? entity.formerNames.map((n) => <Tag key={n}>{n}</Tag>) : dash}</Descriptions.Item>
        <Descriptions.Item label={t('entityType')}>
          <DictTag type="ent_type" value={entity.entityType} />
        </Descriptions.Item>
        <Descriptions.Item label={t('status')}>
          <DictTag type="ent_status" value={entity.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t('scale')}>{entity.scale ? <DictTag type="ent_scale" value={entity.scale} /> : dash}</Descriptions.Item>
        <Descriptions.Item label={t('district')}>{entity.districtName ?? entity.districtCode}</Descriptions.Item>
        <Descriptions.Item label={t('industry')}>{entity.industryName}</Descriptions.Item>
        <Descriptions.Item label={t('legalRep')}>{v(entity.legalRep)}</Descriptions.Item>
        <Descriptions.Item label={t('registeredCapital')}>{v(entity.registeredCapital)}</Descriptions.Item>
        <Descriptions.Item label={t('establishedOn')}>{v(entity.establishedOn)}</Descriptions.Item>
        <Descriptions.Item label={t('address')}>{v(entity.address)}</Descriptions.Item>
        <Descriptions.Item label={t('contactName')}>{v(entity.contactName)}</Descriptions.Item>
        <Descriptions.Item label={t('contactPhone')}>{v(entity.contactPhone)}</Descriptions.Item>
        <Descriptions.Item label={t('qualityOfficer')}>
          {entity.qualityOfficer ? `${entity.qualityOfficer}${entity.qualityOfficerSince ? `（${entity.qualityOfficerSince}）` : ''}` : dash}
        </Descriptions.Item>
        <Descriptions.Item label={tc('updatedAt')}>{formatDateTime(entity.updatedAt)}</Descriptions.Item>
      </Descriptions>
      <EntityForm
        open={editing}
        editing={entity}
        districts={districts.length ? districts : [{ code: entity.districtCode, name: entity.districtName ?? entity.districtCode } as (typeof districts)[number]]}
        onClose={() => setEditing(false)}
        onConflict={onConflict}
      />
    </>
  );
}

import { Col, DatePicker, Descriptions, Form, Input, Row, Typography } from 'antd';
import dayjs from 'dayjs';
import type { PlanDraft } from '@contracts/plans';
import { formatDate } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { planStrings } from './i18n';

type HeaderFields = Pick<PlanDraft, 'title' | 'docNumber' | 'issuer' | 'issuedDate' | 'dueDate'>;

const blankToNull = (v: string) => (v.trim() ? v : null);

/** The plan's own fields: title, 文号, issuer, date issued, and the due date its tasks default to. */
export function PlanHeader({ draft, readOnly, onChange }: { draft: HeaderFields; readOnly: boolean; onChange(patch: Partial<HeaderFields>): void }) {
  const t = useT(planStrings);
  const dash = <Typography.Text type="secondary">—</Typography.Text>;
  if (readOnly) {
    return (
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 4 }}
        items={[
          { key: 'doc', label: t('docNumber'), children: draft.docNumber ?? dash },
          { key: 'issuer', label: t('issuer'), children: draft.issuer ?? dash },
          { key: 'issued', label: t('issuedDate'), children: draft.issuedDate ? formatDate(draft.issuedDate) : dash },
          { key: 'due', label: t('planDue'), children: formatDate(draft.dueDate) },
        ]}
      />
    );
  }
  return (
    <Form layout="vertical" component="div" requiredMark={false}>
      <Row gutter={16}>
        <Col xs={24}>
          <Form.Item label={t('title')} required validateStatus={draft.title.trim() ? undefined : 'error'} help={draft.title.trim() ? undefined : t('titleRequired')} style={{ marginBottom: 12 }}>
            <Input value={draft.title} maxLength={200} onChange={(e) => onChange({ title: e.target.value })} data-testid="plan-title" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Form.Item label={t('docNumber')} style={{ marginBottom: 12 }}>
            <Input value={draft.docNumber ?? ''} maxLength={100} onChange={(e) => onChange({ docNumber: blankToNull(e.target.value) })} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Form.Item label={t('issuer')} style={{ marginBottom: 12 }}>
            <Input value={draft.issuer ?? ''} maxLength={200} onChange={(e) => onChange({ issuer: blankToNull(e.target.value) })} />
          </Form.Item>
        </Col>
        <Col xs={12} xl={4}>
          <Form.Item label={t('issuedDate')} style={{ marginBottom: 12 }}>
            <DatePicker value={draft.issuedDate ? dayjs(draft.issuedDate) : null} onChange={(d) => onChange({ issuedDate: d ? d.format('YYYY-MM-DD') : null })} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} xl={6}>
          <Form.Item label={t('planDue')} tooltip={t('planDueHint')} style={{ marginBottom: 12 }}>
            <DatePicker
              value={dayjs(draft.dueDate)}
              allowClear={false}
              onChange={(d) => d && onChange({ dueDate: d.format('YYYY-MM-DD') })}
              style={{ width: '100%' }}
              data-testid="plan-due"
            />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}

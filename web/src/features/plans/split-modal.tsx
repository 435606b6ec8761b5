import { Alert, Card, Col, Modal, Radio, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '@/lib/i18n';
import { common } from '@/locales/common';
import { sentenceBreaks } from './draft-ops';
import { planStrings } from './i18n';

interface Choice {
  at: number;
  label: string;
}

function choicesOf(text: string, cursor: number | null, t: ReturnType<typeof useT<typeof planStrings>>): Choice[] {
  const breaks = sentenceBreaks(text);
  const choices: Choice[] = [];
  if (cursor !== null && cursor > 0 && cursor < text.trimEnd().length && !breaks.includes(cursor)) {
    choices.push({ at: cursor, label: t('splitAtCursor', { n: cursor }) });
  }
  let from = 0;
  breaks.forEach((at, i) => {
    const sentence = text.slice(from, at).trim();
    choices.push({ at, label: t('splitAfterSentence', { n: i + 1, tail: sentence.length > 24 ? sentence.slice(-24) : sentence }) });
    from = at;
  });
  return choices;
}

function SplitChooser({ text, newPath, cursor, value, onChange }: { text: string; newPath: string; cursor: number | null; value: number | null; onChange(at: number): void }) {
  const t = useT(planStrings);
  const choices = choicesOf(text, cursor, t);
  if (choices.length === 0) return <Alert type="warning" showIcon title={t('splitNone')} />;
  const at = value ?? choices[0]!.at;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('splitHint', { path: newPath })}
      </Typography.Paragraph>
      <div style={{ maxHeight: 220, overflow: 'auto', border: '1px solid #f0f0f0', borderRadius: 6, padding: '4px 8px' }}>
        <Radio.Group value={at} onChange={(e) => onChange(e.target.value as number)} style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
          {choices.map((c) => (
            <Radio key={c.at} value={c.at}>
              {c.label}
            </Radio>
          ))}
        </Radio.Group>
      </div>
      <Row gutter={12}>
        <Col span={12}>
          <Card size="small" title={t('firstPart')}>
            <div style={{ maxHeight: 200, overflow: 'auto', whiteSpace: 'pre-wrap', fontSize: 13 }}>{text.slice(0, at).trim()}</div>
          </Card>
        </Col>
        <Col span={12}>
          <Card size="small" title={t('secondPart', { path: newPath })}>
            <div style={{ maxHeight: 200, overflow: 'auto', whiteSpace: 'pre-wrap', fontSize: 13 }}>{text.slice(at).trim()}</div>
          </Card>
        </Col>
      </Row>
    </Space>
  );
}

/** Choose where to split an item: at the cursor in its text, or after one of its sentences. */
export function SplitModal({
  open,
  text,
  number,
  newPath,
  cursor,
  onCancel,
  onSplit,
}: {
  open: boolean;
  text: string;
  number: string;
  newPath: string;
  cursor: number | null;
  onCancel(): void;
  onSplit(at: number): void;
}) {
  const t = useT(planStrings);
  const tc = useT(common);
  const [value, setValue] = useState<number | null>(null);
  const choices = open ? choicesOf(text, cursor, t) : [];
  const at = value !== null && choices.some((c) => c.at === value) ? value : (choices[0]?.at ?? null);
  return (
    <Modal
      title={t('splitTitle', { number })}
      open={open}
      width={820}
      onCancel={() => {
        setValue(null);
        onCancel();
      }}
      onOk={() => {
        if (at === null) return;
        setValue(null);
        onSplit(at);
      }}
      okText={t('split')}
      cancelText={tc('cancel')}
      okButtonProps={{ disabled: at === null }}
      destroyOnHidden
    >
      <SplitChooser text={text} newPath={newPath} cursor={cursor} value={at} onChange={setValue} />
    </Modal>
  );
}

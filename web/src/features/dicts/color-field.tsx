import { AutoComplete, Space, Tag, Typography } from 'antd';
import { useT } from '@/lib/i18n';
import { dictStrings } from './i18n';

/** antd's preset Tag colours, with the i18n key of their name. */
const PRESETS = [
  ['default', 'colorDefault'],
  ['blue', 'colorBlue'],
  ['green', 'colorGreen'],
  ['red', 'colorRed'],
  ['orange', 'colorOrange'],
  ['gold', 'colorGold'],
  ['cyan', 'colorCyan'],
  ['geekblue', 'colorGeekblue'],
  ['purple', 'colorPurple'],
  ['magenta', 'colorMagenta'],
  ['volcano', 'colorVolcano'],
  ['lime', 'colorLime'],
] as const;

/**
 * A dictionary item's Tag colour: a preset name or a #RRGGBB value typed in, with a live preview
 * of the tag as lists will show it.
 */
export function ColorField({ id, value, onChange, previewLabel }: { id?: string; value?: string | null; onChange?: (value: string | null) => void; previewLabel: string }) {
  const t = useT(dictStrings);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <AutoComplete
        id={id}
        allowClear
        value={value ?? undefined}
        onChange={(v: string | undefined) => onChange?.(v ? v : null)}
        maxLength={20}
        options={PRESETS.map(([color, key]) => ({
          value: color,
          label: (
            <Space>
              <Tag color={color} style={{ minWidth: 64, textAlign: 'center' }}>
                {t(key)}
              </Tag>
              <Typography.Text type="secondary" style={{ fontFamily: 'monospace' }}>
                {color}
              </Typography.Text>
            </Space>
          ),
        }))}
        filterOption={false}
      />
      <Space>
        <Typography.Text type="secondary">{t('preview')}:</Typography.Text>
        <Tag color={value ?? undefined}>{previewLabel || t('none')}</Tag>
      </Space>
    </Space>
  );
}

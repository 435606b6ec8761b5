import { theme, Typography } from 'antd';

/** `value` as indented JSON; a string holding JSON is parsed first, other strings are shown as they are. */
export function prettyJson(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') {
    try {
      return JSON.stringify(JSON.parse(value), null, 2);
    } catch {
      return value;
    }
  }
  return JSON.stringify(value, null, 2);
}

/** A read-only block of pretty-printed JSON (request parameters, audit snapshots), copyable. */
export function JsonBlock({ value, maxHeight = 360, highlight }: { value: unknown; maxHeight?: number; highlight?: boolean }) {
  const { token } = theme.useToken();
  const text = prettyJson(value);
  return (
    <div style={{ position: 'relative' }}>
      <pre
        style={{
          margin: 0,
          padding: '8px 32px 8px 10px',
          maxHeight,
          overflow: 'auto',
          fontFamily: token.fontFamilyCode,
          fontSize: 12,
          lineHeight: 1.5,
          whiteSpace: 'pre-wrap',
          wordBreak: 'break-all',
          background: highlight ? token.colorWarningBg : token.colorFillQuaternary,
          border: `1px solid ${highlight ? token.colorWarningBorder : token.colorBorderSecondary}`,
          borderRadius: token.borderRadius,
        }}
      >
        {text}
      </pre>
      {text ? <Typography.Text copyable={{ text }} style={{ position: 'absolute', top: 6, right: 8 }} /> : null}
    </div>
  );
}

import { Tooltip, Typography } from 'antd';

/** A SHA-256 hash shortened to its ends (full value on hover), with a copy button for the whole value. */
export function HashText({ value }: { value: string }) {
  const short = value.length > 20 ? `${value.slice(0, 10)}…${value.slice(-8)}` : value;
  return (
    <Tooltip title={<span style={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>{value}</span>}>
      <Typography.Text copyable={{ text: value }} style={{ fontFamily: 'monospace', fontSize: 12 }}>
        {short}
      </Typography.Text>
    </Tooltip>
  );
}

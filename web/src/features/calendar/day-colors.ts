import type { GlobalToken } from 'antd';

const PRESETS = new Set(['blue', 'purple', 'cyan', 'green', 'magenta', 'pink', 'red', 'orange', 'yellow', 'volcano', 'geekblue', 'lime', 'gold']);
/** antd Tag status colours, as the palette they stand for. */
const STATUS: Record<string, string> = { success: 'green', processing: 'blue', error: 'red', warning: 'gold' };

export interface DayColors {
  background: string;
  border: string;
  text: string;
}

/**
 * Cell colours for a dictionary colour (an antd preset name such as "red", or a CSS colour such as
 * "#1d4ed8"): a light background, a slightly darker border and strong text, like an antd Tag.
 */
export function dayColors(color: string | undefined, token: GlobalToken): DayColors {
  const preset = color ? (STATUS[color] ?? color) : undefined;
  if (preset && PRESETS.has(preset)) {
    const palette = token as unknown as Record<string, string>;
    return { background: palette[`${preset}1`]!, border: palette[`${preset}3`]!, text: palette[`${preset}7`]! };
  }
  if (!color || color === 'default') {
    return { background: token.colorFillQuaternary, border: token.colorBorderSecondary, text: token.colorTextTertiary };
  }
  return { background: `color-mix(in srgb, ${color} 12%, white)`, border: `color-mix(in srgb, ${color} 40%, white)`, text: color };
}

import { theme } from 'antd';
import { useEffect, useMemo, useRef, type CSSProperties } from 'react';
import type { DraftItem, PlanDetail } from '@contracts/plans';
import { walkItems } from '@contracts/plan-draft';
import { spanOf, type Span } from './display';

interface Segment extends Span {
  path: string | null;
}

/** The body cut into plain stretches and item stretches (in document order, never overlapping). */
function segmentsOf(body: string, spans: PlanDetail['spans'], items: readonly DraftItem[]): Segment[] {
  const found = [...walkItems(items)]
    .map((item) => ({ path: item.path, span: spanOf(body, spans, item) }))
    .filter((x): x is { path: string; span: Span } => x.span !== null)
    .sort((a, b) => a.span.start - b.span.start);
  const out: Segment[] = [];
  let at = 0;
  for (const { path, span } of found) {
    const start = Math.max(span.start, at);
    if (span.end <= start) continue;
    if (start > at) out.push({ start: at, end: start, path: null });
    out.push({ start, end: span.end, path });
    at = span.end;
  }
  if (at < body.length) out.push({ start: at, end: body.length, path: null });
  return out;
}

/**
 * The document as imported, the selected item's text highlighted and scrolled into view. Clicking
 * an item's text selects that item.
 */
export function SourcePane({
  body,
  spans,
  items,
  selectedPath,
  onSelect,
  style,
}: {
  body: string;
  spans: PlanDetail['spans'];
  items: readonly DraftItem[];
  selectedPath: string | null;
  onSelect(path: string): void;
  style?: CSSProperties;
}) {
  const { token } = theme.useToken();
  const boxRef = useRef<HTMLDivElement>(null);
  const markRef = useRef<HTMLElement>(null);
  const segments = useMemo(() => segmentsOf(body, spans, items), [body, spans, items]);

  useEffect(() => {
    const box = boxRef.current;
    const mark = markRef.current;
    if (!box || !mark) return;
    box.scrollTo({ top: Math.max(0, mark.offsetTop - box.clientHeight / 4), behavior: 'smooth' });
  }, [selectedPath, segments]);

  return (
    <div
      ref={boxRef}
      data-testid="plan-source"
      style={{
        position: 'relative',
        overflow: 'auto',
        whiteSpace: 'pre-wrap',
        wordBreak: 'break-word',
        lineHeight: 1.9,
        fontSize: 14,
        padding: '8px 12px',
        background: token.colorFillQuaternary,
        border: `1px solid ${token.colorBorderSecondary}`,
        borderRadius: token.borderRadius,
        ...style,
      }}
    >
      <style>{`.zl-source-item:hover { background: ${token.colorPrimaryBg}; }`}</style>
      {segments.map((s) => {
        const text = body.slice(s.start, s.end);
        if (s.path === null) return <span key={`gap-${s.start}`}>{text}</span>;
        const path = s.path;
        if (path === selectedPath) {
          return (
            <mark key={path} ref={markRef} style={{ background: token.colorWarningBg, outline: `1px solid ${token.colorWarningBorder}`, padding: 0, borderRadius: 2 }}>
              {text}
            </mark>
          );
        }
        return (
          <span key={path} className="zl-source-item" onClick={() => onSelect(path)} style={{ cursor: 'pointer' }}>
            {text}
          </span>
        );
      })}
    </div>
  );
}

import { describe, expect, it } from 'vitest';
import { displayNumber, itemSummary, spanOf } from './display';

describe('displayNumber', () => {
  it.each([
    ['三', '三、'],
    ['(二)', '（二）'],
    ['6', '6.'],
    ['(一)-2', '（一）-2'],
  ])('prints %s as documents do: %s', (token, printed) => expect(displayNumber(token)).toBe(printed));
});

describe('itemSummary', () => {
  it('uses the heading, else the start of the text', () => {
    expect(itemSummary({ heading: '大力推动品牌建设', text: '大力推动品牌建设。其余' })).toBe('大力推动品牌建设');
    expect(itemSummary({ heading: null, text: '一二三四五六七八九十' }, 4)).toBe('一二三四…');
  });
});

describe('spanOf', () => {
  const body = '前言。一、推进品牌建设，打造知名品牌。二、加强标准引领，完善标准体系。';
  const first = { start: body.indexOf('推进'), end: body.indexOf('二、') };

  it('keeps the parser’s span while the text still ends there, and finds an edited item by its words', () => {
    expect(spanOf(body, { 一: first }, { path: '一', text: '推进品牌建设，打造知名品牌。' })).toEqual(first);
    const found = spanOf(body, {}, { path: '二-2', text: '加强标准引领，完善标准体系。' })!;
    expect(body.slice(found.start, found.end)).toBe('加强标准引领，完善标准体系。');
  });

  it('gives up on rewritten text without a span', () => {
    expect(spanOf(body, {}, { path: '三', text: '全新的内容' })).toBeNull();
  });
});

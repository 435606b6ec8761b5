/**
 * 发文字号 (document numbers) of decisions: 津市监列严〔2026〕4号. GB/T 9704-2012 §7.2.4: the issuing
 * organ's code (机关代字), the year in hexagonal brackets 〔〕, and the sequence number without
 * leading zeros or 第, followed by 号. Officers type the brackets as [] 【】 () or full-width forms;
 * `normalizeDocNumber` writes them as the standard does before the check. Pure; shared by the
 * server (validation) and the web (form rule).
 */
import { z } from 'zod';
import { msg } from './i18n.js';

const OPEN = /[[［【(（﹝〔]/g;
const CLOSE = /[\]］】)）﹞〕]/g;

/** Brackets as 〔〕, no spaces, full-width digits folded to ASCII. */
export function normalizeDocNumber(raw: string): string {
  return raw
    .trim()
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .replace(OPEN, '〔')
    .replace(CLOSE, '〕');
}

/** 机关代字 (Han characters, 1–20) 〔year〕 sequence 号. */
export const DOC_NUMBER_PATTERN = /^\p{Script=Han}{1,20}〔(?:19|20)\d{2}〕[1-9]\d{0,5}号$/u;

export function isDocNumber(s: string): boolean {
  return DOC_NUMBER_PATTERN.test(normalizeDocNumber(s));
}

/** A decision's 文号 field: normalised, then checked against GB/T 9704 §7.2.4. */
export const docNumberField = z
  .string()
  .max(100)
  .transform(normalizeDocNumber)
  .refine((s) => DOC_NUMBER_PATTERN.test(s), {
    message: msg('文号格式应为「机关代字〔年份〕序号号」，如 津市监列严〔2026〕4号（GB/T 9704-2012）', 'A document number reads "organ code〔year〕number号", e.g. 津市监列严〔2026〕4号 (GB/T 9704-2012)'),
  });

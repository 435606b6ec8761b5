/**
 * 文号 (document numbers): 鲁政办字〔2016〕103号, 津质量发[2023]3号, 粤府办﹝2017﹞ 12 号. The
 * document's own number is told from numbers it cites, and a line that holds nothing but the
 * number — and, in some layouts, the date beside it (津委发〔2019〕12号 2019年3月8日) — is read as
 * such. Pure; never throws.
 */
import { dateOnlyLine } from './dates.js';

// ［］ is already [] after normalisation.
const DOC_NUMBER = /([\p{Script=Han}]{1,10})\s*[〔[﹝【]\s*((?:19|20)\d{2})\s*[〕\]﹞】]\s*(第?\s*\d{1,5})\s*号/gu;

export interface DocNumberMatch {
  /** Normalised: 〔〕 brackets, no spaces. */
  docNumber: string;
  index: number;
  length: number;
}

/** Every 文号 in a line, in order. */
export function docNumbersIn(line: string): DocNumberMatch[] {
  const out: DocNumberMatch[] = [];
  DOC_NUMBER.lastIndex = 0;
  for (let m = DOC_NUMBER.exec(line); m; m = DOC_NUMBER.exec(line)) {
    out.push({ docNumber: `${m[1]}〔${m[2]}〕${m[3]!.replace(/\s+/g, '')}号`, index: m.index, length: m[0].length });
  }
  return out;
}

/**
 * A line that is a 文号 alone, or a 文号 and a date side by side (in either order):
 * "鲁政办字〔2016〕103号", "津委发〔2019〕12号 2019年3月8日". Null for anything else.
 */
export function docNumberLine(line: string): { docNumber: string; date: string | null } | null {
  const found = docNumbersIn(line);
  if (found.length !== 1) return null;
  const { docNumber, index, length } = found[0]!;
  const before = line.slice(0, index).trim();
  const after = line.slice(index + length).trim();
  if (before && after) return null;
  const rest = before || after;
  if (!rest) return { docNumber, date: null };
  const date = dateOnlyLine(rest);
  return date ? { docNumber, date } : null;
}

/**
 * The document's own 文号 in a line, skipping those it cites after a quoted title:
 * 《…》(国发〔2012〕9号) — also when the title's line break fell right after 》, so that the line
 * starts with the bracket (`previous` is the line before).
 */
export function ownDocNumber(line: string, previous = ''): string | null {
  for (const m of docNumbersIn(line)) {
    const before = line.slice(0, m.index).trimEnd();
    if (/》\(?$/.test(before)) continue;
    if (/^\(?$/.test(before) && /》$/.test(previous.trimEnd())) continue;
    return m.docNumber;
  }
  return null;
}

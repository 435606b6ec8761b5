import { describe, expect, it } from 'vitest';
import { attachmentDisposition } from './download.js';

describe('attachmentDisposition', () => {
  it('names the file in UTF-8 with an ASCII fallback', () => {
    expect(attachmentDisposition('关于2026年度质量工作考核结果的通报.docx', 'notice-2026.docx')).toBe(
      `attachment; filename="notice-2026.docx"; filename*=UTF-8''${encodeURIComponent('关于2026年度质量工作考核结果的通报.docx')}`,
    );
    // Characters that would end the header value or the parameter are percent-encoded.
    expect(attachmentDisposition('a"b;c.pdf', 'file-1')).toBe(`attachment; filename="file-1"; filename*=UTF-8''a%22b%3Bc.pdf`);
  });
});

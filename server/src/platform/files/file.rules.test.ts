import { describe, expect, it } from 'vitest';
import { attachmentMime, cleanFilename } from './file.rules.js';

describe('attachment rules', () => {
  it('accepts office formats by extension, case-insensitively, and refuses the rest', () => {
    expect(attachmentMime('整改报告.PDF')).toBe('application/pdf');
    expect(attachmentMime('通报.ofd')).toBe('application/ofd');
    expect(attachmentMime('photo.jpeg')).toBe('image/jpeg');
    expect(attachmentMime('run.exe')).toBeNull();
    expect(attachmentMime('no-extension')).toBeNull();
  });

  it('keeps only the base name, without control characters or quotes', () => {
    expect(cleanFilename('C:\\Users\\王\\进展.docx')).toBe('进展.docx');
    expect(cleanFilename('../../etc/passwd')).toBe('passwd');
    expect(cleanFilename('a"b\u0000c.txt')).toBe('abc.txt');
    expect(cleanFilename('   ')).toBe('file');
  });
});

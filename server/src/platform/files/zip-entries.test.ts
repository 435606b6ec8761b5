import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { zipOf } from '../../test/zip-fixtures.js';
import { bufferZipSource, fileZipSource, inflateEntry, listZipEntries, oversizedPart } from './zip-entries.js';

const dir = mkdtempSync(join(tmpdir(), 'zl-zip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MB = 1024 * 1024;
const archive = zipOf([
  { name: 'small.xml', data: '<a>质量</a>' },
  { name: 'big.xml', data: Buffer.alloc(3 * MB, 0x61) },
  { name: 'liar.xml', data: Buffer.alloc(3 * MB, 0x62), declaredSize: 100 },
]);

describe('zip entries', () => {
  it('lists the entries with their claimed sizes, from a buffer and from a file', async () => {
    const path = join(dir, 'a.zip');
    writeFileSync(path, archive);
    const file = await fileZipSource(path);
    for (const src of [bufferZipSource(archive), file]) {
      const entries = await listZipEntries(src);
      expect(entries?.map((e) => [e.name, e.size])).toEqual([
        ['small.xml', Buffer.byteLength('<a>质量</a>')],
        ['big.xml', 3 * MB],
        ['liar.xml', 100],
      ]);
    }
    await file.close();
  });

  it('returns null for what is not a zip', async () => {
    expect(await listZipEntries(bufferZipSource(Buffer.from('这不是压缩包，只是一段文字。'.repeat(10))))).toBeNull();
    expect(await listZipEntries(bufferZipSource(archive.subarray(0, archive.length - 10)))).toBeNull();
  });

  it('unpacks an entry within the cap, and refuses one over it by its claim or by counting', async () => {
    const src = bufferZipSource(archive);
    const [small, big, liar] = (await listZipEntries(src))!;
    const ok = await inflateEntry(src, small!, { maxBytes: MB, keep: true });
    expect(ok.ok && ok.data!.toString('utf8')).toBe('<a>质量</a>');
    expect(await inflateEntry(src, big!, { maxBytes: 2 * MB, keep: false })).toEqual({ ok: false, reason: 'too-large' });
    // Claims 100 bytes: only counting what really comes out finds the 3 MB.
    expect(await inflateEntry(src, liar!, { maxBytes: 2 * MB, keep: false })).toEqual({ ok: false, reason: 'too-large' });
    expect(await inflateEntry(src, liar!, { maxBytes: 4 * MB, keep: false })).toEqual({ ok: true, size: 3 * MB, data: null });
  });

  it('reports a damaged entry as corrupt', async () => {
    const broken = Buffer.from(archive);
    // Overwrite the middle of big.xml's deflate stream.
    const entries = (await listZipEntries(bufferZipSource(broken)))!;
    const at = entries[1]!.localHeaderOffset + 30 + 'big.xml'.length + 5;
    broken.fill(0xff, at, at + 64);
    expect(await inflateEntry(bufferZipSource(broken), entries[1]!, { maxBytes: 4 * MB, keep: false })).toEqual({ ok: false, reason: 'corrupt' });
  });

  it('finds the first part over the per-part or the total cap', async () => {
    const src = bufferZipSource(archive);
    const entries = (await listZipEntries(src))!;
    expect(await oversizedPart(src, entries, { parts: /\.xml$/, maxPartBytes: 4 * MB, maxTotalBytes: 10 * MB })).toBeNull();
    expect(await oversizedPart(src, entries, { parts: /\.xml$/, maxPartBytes: 2 * MB, maxTotalBytes: 10 * MB })).toEqual({ name: 'big.xml', reason: 'too-large' });
    expect(await oversizedPart(src, entries, { parts: /\.xml$/, maxPartBytes: 4 * MB, maxTotalBytes: 5 * MB })).toEqual({ name: 'liar.xml', reason: 'too-large' });
    expect(await oversizedPart(src, entries, { parts: /^small/, maxPartBytes: 1024, maxTotalBytes: 1024 })).toBeNull();
  });
});

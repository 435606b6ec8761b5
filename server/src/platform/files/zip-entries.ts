/**
 * Reading the parts of a .docx or .xlsx (both are zip files) with their unpacked size capped: the
 * central directory says what each part claims to unpack to, and inflating counts what it really
 * does and stops at the cap — a zip bomb (a 2 MB .docx whose document.xml unpacks to 75 MB, or far
 * more) is refused after reading at most `maxBytes`, never inflated in full. Deflate and stored
 * parts only (what Office, WPS, LibreOffice and exceljs write); Zip64 sizes are understood.
 * APPNOTE.TXT (PKWARE .ZIP File Format Specification) §4.3.
 */
import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate. */
  method: number;
  compressedSize: number;
  /** The unpacked size the archive claims (it may lie: inflating counts the real one). */
  size: number;
  localHeaderOffset: number;
}

/** Random access to the bytes of an archive: an uploaded buffer or a file on disk. */
export interface ZipSource {
  readonly length: number;
  read(position: number, length: number): Promise<Buffer>;
  stream(start: number, end: number): Readable;
  close(): Promise<void>;
}

export function bufferZipSource(data: Uint8Array): ZipSource {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return {
    length: buf.length,
    read: async (position, length) => buf.subarray(position, Math.min(buf.length, position + length)),
    // A single chunk: zlib then emits its output in 16 KiB pieces, so counting still stops early.
    stream: (start, end) => Readable.from([buf.subarray(start, end)]),
    close: async () => undefined,
  };
}

export async function fileZipSource(path: string): Promise<ZipSource> {
  const fh: FileHandle = await open(path, 'r');
  const { size } = await fh.stat();
  return {
    length: size,
    read: async (position, length) => {
      const out = Buffer.alloc(Math.max(0, Math.min(length, size - position)));
      const { bytesRead } = await fh.read(out, 0, out.length, position);
      return out.subarray(0, bytesRead);
    },
    stream: (start, end) => createReadStream(path, { start, end: end - 1, highWaterMark: 256 * 1024 }),
    close: () => fh.close(),
  };
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** The end-of-central-directory record is 22 bytes plus a comment of at most 65,535. */
const EOCD_SEARCH = 22 + 0xffff;

/** The archive's entries from its central directory; null when it is not a (readable) zip. */
export async function listZipEntries(src: ZipSource): Promise<ZipEntry[] | null> {
  if (src.length < 22) return null;
  const tailStart = Math.max(0, src.length - EOCD_SEARCH);
  const tail = await src.read(tailStart, src.length - tailStart);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      at = i;
      break;
    }
  }
  if (at < 0) return null;
  let count = tail.readUInt16LE(at + 10);
  let cdSize = tail.readUInt32LE(at + 12);
  let cdOffset = tail.readUInt32LE(at + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    // Zip64: a locator right before the EOCD points at the Zip64 end record.
    const locatorAt = at - 20;
    if (locatorAt < 0 || tail.readUInt32LE(locatorAt) !== EOCD64_LOCATOR) return null;
    const eocd64Offset = Number(tail.readBigUInt64LE(locatorAt + 8));
    const rec = await src.read(eocd64Offset, 56);
    if (rec.length < 56 || rec.readUInt32LE(0) !== EOCD64) return null;
    count = Number(rec.readBigUInt64LE(32));
    cdSize = Number(rec.readBigUInt64LE(40));
    cdOffset = Number(rec.readBigUInt64LE(48));
  }
  if (cdOffset + cdSize > src.length) return null;
  const cd = await src.read(cdOffset, cdSize);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL) return null;
    const method = cd.readUInt16LE(p + 10);
    let compressedSize = cd.readUInt32LE(p + 20);
    let size = cd.readUInt32LE(p + 24);
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const commentLength = cd.readUInt16LE(p + 32);
    let localHeaderOffset = cd.readUInt32LE(p + 42);
    const name = cd.toString('utf8', p + 46, p + 46 + nameLength);
    // Zip64 extended information (header 0x0001): the 64-bit values of the fields set to 0xFFFFFFFF, in this order.
    let e = p + 46 + nameLength;
    const extraEnd = e + extraLength;
    while (e + 4 <= extraEnd) {
      const id = cd.readUInt16LE(e);
      const len = cd.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        const next = () => {
          const v = q + 8 <= e + 4 + len ? Number(cd.readBigUInt64LE(q)) : 0xffffffff;
          q += 8;
          return v;
        };
        if (size === 0xffffffff) size = next();
        if (compressedSize === 0xffffffff) compressedSize = next();
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = next();
      }
      e += 4 + len;
    }
    entries.push({ name, method, compressedSize, size, localHeaderOffset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

export type InflateResult = { ok: true; size: number; data: Buffer | null } | { ok: false; reason: 'too-large' | 'corrupt' | 'unsupported' };

/**
 * Unpack one entry, stopping as soon as it grows past `maxBytes` (or claims to). `keep`: return
 * the bytes (document.xml), else only count them (checking an .xlsx part before exceljs reads it).
 */
export async function inflateEntry(src: ZipSource, entry: ZipEntry, opts: { maxBytes: number; keep: boolean }): Promise<InflateResult> {
  if (entry.size > opts.maxBytes) return { ok: false, reason: 'too-large' };
  if (entry.method !== 0 && entry.method !== 8) return { ok: false, reason: 'unsupported' };
  const local = await src.read(entry.localHeaderOffset, 30);
  if (local.length < 30 || local.readUInt32LE(0) !== LOCAL) return { ok: false, reason: 'corrupt' };
  const start = entry.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  const end = start + entry.compressedSize;
  if (end > src.length) return { ok: false, reason: 'corrupt' };
  const raw = src.stream(start, end);
  const chunks: Buffer[] = [];
  let size = 0;
  const take = (chunk: Buffer): boolean => {
    size += chunk.length;
    if (size > opts.maxBytes) return false;
    if (opts.keep) chunks.push(chunk);
    return true;
  };
  const done = (result: InflateResult) => {
    raw.destroy();
    return result;
  };
  try {
    if (entry.method === 0) {
      for await (const chunk of raw) if (!take(chunk as Buffer)) return done({ ok: false, reason: 'too-large' });
    } else {
      const inflate = createInflateRaw();
      raw.pipe(inflate);
      try {
        for await (const chunk of inflate) {
          if (!take(chunk as Buffer)) {
            inflate.destroy();
            return done({ ok: false, reason: 'too-large' });
          }
        }
      } catch {
        return done({ ok: false, reason: 'corrupt' });
      }
    }
  } catch {
    return done({ ok: false, reason: 'corrupt' });
  }
  return done({ ok: true, size, data: opts.keep ? Buffer.concat(chunks, size) : null });
}

/**
 * Check that every part whose name matches `parts` unpacks to at most `maxPartBytes` and all of
 * them together to at most `maxTotalBytes`, inflating each only as far as the cap. The name of the
 * first part over the cap, or null when all fit.
 */
export async function oversizedPart(
  src: ZipSource,
  entries: readonly ZipEntry[],
  opts: { parts: RegExp; maxPartBytes: number; maxTotalBytes: number },
): Promise<{ name: string; reason: 'too-large' | 'corrupt' | 'unsupported' } | null> {
  let total = 0;
  for (const entry of entries) {
    if (!opts.parts.test(entry.name)) continue;
    const r = await inflateEntry(src, entry, { maxBytes: Math.min(opts.maxPartBytes, opts.maxTotalBytes - total), keep: false });
    if (!r.ok) return { name: entry.name, reason: r.reason };
    total += r.size;
  }
  return null;
}

import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

/** Largest upload accepted by import routes. */
export const UPLOAD_MAX_BYTES = 20 * 1024 * 1024;

/**
 * The single uploaded file of a multipart request, as a buffer; 400 when there is none, 413 naming
 * the limit when it is larger than `maxBytes`.
 */
export async function uploadedFile(request: FastifyRequest, opts: { maxBytes?: number } = {}): Promise<{ filename: string; buffer: Buffer; mimetype: string }> {
  const maxBytes = opts.maxBytes ?? UPLOAD_MAX_BYTES;
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  const file = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
  if (!file) {
    throw new AppError('VALIDATION_FAILED', { details: [{ path: 'file', code: 'required', message: '请选择要导入的文件 ¦ Choose a file to import' }] });
  }
  const tooLarge = () => {
    const mb = Math.round(maxBytes / 1024 / 1024);
    return new AppError('PAYLOAD_TOO_LARGE', { message: { zh: `文件超过 ${mb} MB 上限`, en: `The file is larger than the ${mb} MB limit` }, details: { maxBytes } });
  };
  let buffer: Buffer;
  try {
    buffer = await file.toBuffer();
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    throw err;
  }
  if (file.file.truncated) throw tooLarge();
  return { filename: file.filename, buffer, mimetype: file.mimetype };
}

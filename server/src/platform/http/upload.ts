import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

/** Largest upload accepted by import routes. */
export const UPLOAD_MAX_BYTES = 20 * 1024 * 1024;

/** The single uploaded file of a multipart request, as a buffer; 400 when there is none. */
export async function uploadedFile(request: FastifyRequest): Promise<{ filename: string; buffer: Buffer }> {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  const file = await request.file({ limits: { fileSize: UPLOAD_MAX_BYTES, files: 1 } });
  if (!file) {
    throw new AppError('VALIDATION_FAILED', { details: [{ path: 'file', code: 'required', message: '请选择要导入的文件 ¦ Choose a file to import' }] });
  }
  const buffer = await file.toBuffer();
  if (file.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE');
  return { filename: file.filename, buffer };
}

import type { FastifyRequest } from 'fastify';
import { AppError, invalidField } from './errors';
import { isStorableText } from './text-input';

export interface Upload {
  filename: string;
  contentType: string;
  content: Buffer;
}

const tooLarge = () => new AppError('payload_too_large');

/** A multipart body must say where its parts end; without a boundary it cannot be read. */
const BOUNDARY = /;\s*boundary\s*=\s*(?:"[^"]+"|[^\s;]+)/i;

/**
 * What went wrong while reading a form: its limits (413), or a body that is not the multipart it
 * claims to be (400 on the file), never a 500.
 */
function uploadProblem(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const status = (error as { statusCode?: unknown }).statusCode;
  if (status === 413) return tooLarge();
  if (typeof status === 'number' && status !== 400 && status < 500) return error;
  return invalidField('file', 'invalid_format');
}

/**
 * The one file of a multipart form, read whole, or a problem+json: every upload route reads its
 * file here. A file over `maxBytes` is a 413 and nothing of it is kept. The multipart reader
 * does not say so by itself: it cuts the stream at the limit and marks it truncated, and reading
 * it whole checks that mark only as each chunk arrives, so a file whose excess arrives after the
 * last kept chunk came back cut to exactly the limit. The mark is checked here again once the
 * part has ended, when it is final.
 */
export async function readUpload(request: FastifyRequest, maxBytes: number): Promise<Upload> {
  if (!request.isMultipart()) throw new AppError('unsupported_media_type');
  if (!BOUNDARY.test(request.headers['content-type'] ?? '')) {
    throw invalidField('content-type', 'invalid_format', {}, 'header');
  }
  let part;
  try {
    part = await request.file({ limits: { fileSize: maxBytes } });
  } catch (error) {
    throw uploadProblem(error);
  }
  if (!part) throw new AppError('validation', 'attachment_missing');
  // A refused file is still read to its end, and nothing of it kept: a client refused while it
  // is still sending would see the connection reset instead of the answer.
  const keep = isStorableText(part.filename) && isStorableText(part.mimetype);
  const stream = part.file;
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (keep && !stream.truncated && size <= maxBytes) chunks.push(chunk);
    }
  } catch (error) {
    throw uploadProblem(error);
  }
  if (!keep) throw invalidField('file', 'invalid_characters');
  if (stream.truncated || size > maxBytes) throw tooLarge();
  return { filename: part.filename, contentType: part.mimetype, content: Buffer.concat(chunks) };
}

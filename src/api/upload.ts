/**
 * POST /upload: direct multipart up to 100 MB, the presigned flow above
 * (POST /upload without a file, then PUT the bytes to `presigned_url`), and
 * a refusal above 5 GB before any request.
 */
import { formatBytes } from '@/lib/format';
import {
  MAX_DIRECT_UPLOAD_BYTES,
  MAX_UPLOAD_BYTES,
  UPLOAD_BYTES_PER_SECOND_FLOOR,
} from './constants';
import { FileTooLargeError } from './errors';
import { isRecord, unexpectedResponse } from './guards';
import { send, type HttpContext, type HttpResponse } from './http';
import { apiUrl } from './url';

export interface UploadOptions {
  signal?: AbortSignal;
  filename?: string;
}

const EXTENSION_BY_TYPE: Record<string, string> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document':
    'docx',
  'application/msword': 'doc',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation':
    'pptx',
  'application/vnd.ms-powerpoint': 'ppt',
  'application/rtf': 'rtf',
  'text/csv': 'csv',
  'text/plain': 'txt',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/bmp': 'bmp',
  'image/tiff': 'tiff',
  'image/heic': 'heic',
};

/** `report.PDF` → `pdf`; falls back to the MIME type; undefined if neither. */
export function extensionOf(
  filename: string | undefined,
  type: string,
): string | undefined {
  const fromName = filename
    ? /\.([a-z0-9]{1,10})$/i.exec(filename.trim())?.[1]
    : undefined;
  if (fromName) return fromName.toLowerCase();
  return EXTENSION_BY_TYPE[type.split(';')[0]?.trim().toLowerCase() ?? ''];
}

function nameOf(file: Blob): string | undefined {
  const name = (file as Partial<File>).name;
  return typeof name === 'string' && name !== '' ? name : undefined;
}

/** The client's timeout plus one second per 100 kB. */
export function uploadTimeoutMs(baseTimeoutMs: number, size: number): number {
  return baseTimeoutMs + Math.ceil(size / UPLOAD_BYTES_PER_SECOND_FLOOR) * 1000;
}

function field(body: unknown, name: string): string | undefined {
  const value = isRecord(body) ? body[name] : undefined;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

const unexpected = (response: HttpResponse, what: string) =>
  unexpectedResponse(response, `The upload answer had no ${what}.`);

export async function uploadFile(
  context: HttpContext,
  file: Blob,
  options: UploadOptions = {},
): Promise<string> {
  const filename = options.filename ?? nameOf(file);
  if (file.size > MAX_UPLOAD_BYTES)
    throw new FileTooLargeError(
      file.size,
      MAX_UPLOAD_BYTES,
      `${filename ?? 'The file'} is ${formatBytes(file.size)}; the API accepts files up to 5 GB. Split or compress the document and try again.`,
    );

  const extension = extensionOf(filename, file.type);
  const url = apiUrl(context.baseUrl, '/upload', { extension });
  const timeoutMs = uploadTimeoutMs(context.timeoutMs, file.size);

  if (file.size <= MAX_DIRECT_UPLOAD_BYTES) {
    const form = new FormData();
    form.append(
      'file',
      file,
      filename ?? `document${extension ? `.${extension}` : ''}`,
    );
    // No Content-Type of ours: fetch writes multipart/form-data + boundary.
    const response = await send(context, {
      method: 'POST',
      url,
      auth: true,
      body: form,
      retry: 'create',
      timeoutMs,
      signal: options.signal,
    });
    const fileId = field(response.body, 'file_id');
    if (!fileId) throw unexpected(response, 'file_id');
    return fileId;
  }

  const slot = await send(context, {
    method: 'POST',
    url,
    auth: true,
    json: {},
    retry: 'create',
    signal: options.signal,
  });
  const fileId = field(slot.body, 'file_id');
  const presignedUrl = field(slot.body, 'presigned_url');
  if (!fileId) throw unexpected(slot, 'file_id');
  if (!presignedUrl) throw unexpected(slot, 'presigned_url');

  await send(context, {
    method: 'PUT',
    url: presignedUrl,
    // Presigned: the signature is in the URL; the key must not go to S3.
    auth: false,
    // A type-less slice: the browser then sends no Content-Type, so the PUT
    // matches the signature and needs no CORS preflight for the header.
    body: file.slice(0, file.size, ''),
    retry: 'idempotent',
    timeoutMs,
    signal: options.signal,
  });
  return fileId;
}

import { readBlob } from './read-blob';
import { createSha256Stream } from './sha256-stream';

/**
 * Below this size the whole file is read and hashed by WebCrypto (native
 * and fast); above it, it is read in chunks into the incremental hasher so
 * memory stays flat for files up to Reducto's 5 GB limit.
 */
export const WHOLE_FILE_HASH_LIMIT = 64 * 1024 * 1024;
const CHUNK_BYTES = 8 * 1024 * 1024;

const toHex = (buffer: ArrayBuffer) =>
  Array.from(new Uint8Array(buffer), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('');

export interface HashOptions {
  /** Override the size limits, for tests. */
  wholeFileLimit?: number;
  chunkBytes?: number;
  signal?: AbortSignal;
}

/** The SHA-256 of a file's content, as lower-case hex. */
export async function sha256Hex(
  blob: Blob,
  options: HashOptions = {},
): Promise<string> {
  const wholeFileLimit = options.wholeFileLimit ?? WHOLE_FILE_HASH_LIMIT;
  const chunkBytes = options.chunkBytes ?? CHUNK_BYTES;
  if (blob.size <= wholeFileLimit) {
    // A view, not the buffer itself: WebCrypto in Node refuses a buffer
    // from another realm (jsdom's FileReader), a view passes everywhere.
    const bytes = new Uint8Array(await readBlob(blob));
    return toHex(await crypto.subtle.digest('SHA-256', bytes));
  }
  const stream = createSha256Stream();
  for (let offset = 0; offset < blob.size; offset += chunkBytes) {
    options.signal?.throwIfAborted();
    const chunk = await readBlob(blob.slice(offset, offset + chunkBytes));
    stream.update(new Uint8Array(chunk));
  }
  return stream.digestHex();
}

/**
 * Retry policy, pure (no timers, no fetch): which failures are worth another
 * attempt and how long to wait before it.
 */
import { APIError, ReductoError } from './errors';

/**
 * - 'idempotent': reads (GET) and the presigned PUT. Retried on 408, 429,
 *   5xx, timeouts and network errors.
 * - 'create': POSTs that create something (a job, an upload slot, a cancel).
 *   Retried ONLY on 429: a 429 means the request was refused and nothing was
 *   processed, whereas after a 5xx or a timeout the job may exist already and
 *   a retry could run the document twice.
 */
export type RetryPolicy = 'idempotent' | 'create';

export const BASE_RETRY_DELAY_MS = 500;
export const MAX_RETRY_DELAY_MS = 8_000;
/** Server-requested waits beyond this are ignored (openai-node does the same). */
export const MAX_RETRY_AFTER_MS = 60_000;

export function isRetryableStatus(status: number, policy: RetryPolicy) {
  if (status === 429) return true;
  if (policy === 'create') return false;
  return status === 408 || status >= 500;
}

export function isRetryableError(error: unknown, policy: RetryPolicy) {
  if (error instanceof APIError) {
    // A 2xx with a bad body will not improve on a second try.
    if (error.kind === 'unexpected-response') return false;
    return isRetryableStatus(error.status, policy);
  }
  if (error instanceof ReductoError)
    return (
      policy === 'idempotent' &&
      (error.kind === 'connection' || error.kind === 'timeout')
    );
  return false;
}

/**
 * How long the server asked us to wait, in ms, from `retry-after-ms` or
 * `Retry-After` (seconds, or an HTTP date). Undefined when absent, unreadable
 * (a browser hides it unless CORS exposes it), negative or over a minute.
 */
export function parseRetryAfterMs(
  headers: Headers,
  now: number = Date.now(),
): number | undefined {
  const accept = (ms: number) =>
    Number.isFinite(ms) && ms >= 0 && ms <= MAX_RETRY_AFTER_MS
      ? Math.round(ms)
      : undefined;

  const msHeader = headers.get('retry-after-ms');
  if (msHeader !== null && msHeader.trim() !== '') {
    const ms = accept(Number(msHeader));
    if (ms !== undefined) return ms;
  }
  const header = headers.get('retry-after');
  if (header === null || header.trim() === '') return undefined;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return accept(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : accept(Math.max(0, date - now));
}

/**
 * Wait before retry number `attempt` (0-based): the server's value when it
 * gave one, else 0.5 s·2ⁿ capped at 8 s, minus up to 25 % jitter so that many
 * clients do not retry in lockstep.
 */
export function retryDelayMs(
  attempt: number,
  retryAfterMs?: number,
  random: () => number = Math.random,
): number {
  if (retryAfterMs !== undefined) return retryAfterMs;
  const backoff = Math.min(
    BASE_RETRY_DELAY_MS * 2 ** Math.max(0, attempt),
    MAX_RETRY_DELAY_MS,
  );
  return Math.round(backoff * (1 - random() * 0.25));
}

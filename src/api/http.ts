/**
 * The one place the client calls fetch: per-attempt timeout combined with the
 * caller's signal, retries with backoff, defensive body parsing, and the rule
 * that the API key goes to the configured base URL and nowhere else.
 */
import { abortableSleep, raceAbort, throwIfAborted, type Sleep } from './abort';
import { errorFromResponse } from './error-from-response';
import { parseBodyText } from './error-body';
import {
  APIConnectionError,
  APIError,
  APITimeoutError,
  APIUserAbortError,
  ReductoError,
} from './errors';
import { isRetryableError, parseRetryAfterMs, retryDelayMs } from './retry';
import type { RetryPolicy } from './retry';

export interface HttpContext {
  /** Normalised: no trailing slash. */
  baseUrl: string;
  getApiKey: () => string | null | undefined;
  fetch: typeof fetch;
  maxRetries: number;
  timeoutMs: number;
  sleep: Sleep;
}

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT';
  /** Absolute URL. */
  url: string;
  /**
   * Send `Authorization: Bearer <key>`. Honoured only when `url` lies under
   * the base URL, so a presigned or result URL can never receive the key.
   */
  auth: boolean;
  /** A JSON body (sets `Content-Type: application/json`). */
  json?: unknown;
  /** A raw body (FormData, Blob); fetch decides its Content-Type. */
  body?: BodyInit;
  retry: RetryPolicy;
  /** Overrides the client's per-attempt timeout. */
  timeoutMs?: number;
  signal?: AbortSignal | undefined;
}

export interface HttpResponse {
  status: number;
  /** JSON when the body parsed as JSON, else the text ('' when empty). */
  body: unknown;
}

/** Whether `url` is the base URL or lies under it (same origin, path prefix). */
export function isUnderBaseUrl(url: string, baseUrl: string): boolean {
  let target: URL;
  let base: URL;
  try {
    target = new URL(url);
    base = new URL(baseUrl);
  } catch {
    return false;
  }
  if (target.origin !== base.origin) return false;
  const basePath = base.pathname.replace(/\/+$/, '');
  return (
    basePath === '' ||
    target.pathname === basePath ||
    target.pathname.startsWith(`${basePath}/`)
  );
}

export function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'the configured address';
  }
}

function connectionMessage(origin: string, underBase: boolean): string {
  return underBase
    ? `Could not reach the API at ${origin}: you may be offline, the URL or region may be wrong, or the browser blocked the request (CORS). Check the base URL, try another region, or use a proxy.`
    : `Could not reach the file storage at ${origin}: you may be offline, or the browser blocked the request (CORS). Check your connection and try again; if it persists, use a proxy.`;
}

function timeoutMessage(origin: string, timeoutMs: number): string {
  const seconds = Math.max(1, Math.round(timeoutMs / 1000));
  return `No answer from ${origin} within ${seconds} s. Check your connection and try again.`;
}

/** Sends the request, retrying per `request.retry`; throws typed errors. */
export async function send(
  context: HttpContext,
  request: HttpRequest,
): Promise<HttpResponse> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await sendOnce(context, request);
    } catch (error) {
      if (
        error instanceof APIUserAbortError ||
        attempt >= context.maxRetries ||
        !isRetryableError(error, request.retry)
      )
        throw error;
      const wait = retryDelayMs(
        attempt,
        error instanceof APIError ? error.retryAfterMs : undefined,
      );
      await abortableSleep(context.sleep, wait, request.signal);
    }
  }
}

async function sendOnce(
  context: HttpContext,
  request: HttpRequest,
): Promise<HttpResponse> {
  const { signal, url } = request;
  throwIfAborted(signal);

  const underBase = isUnderBaseUrl(url, context.baseUrl);
  const origin = originOf(url);
  // Read at call time, so a key entered after the client was built is used.
  const key =
    request.auth && underBase
      ? (context.getApiKey() ?? '').trim() || undefined
      : undefined;

  const headers: Record<string, string> = {};
  if (key) headers.Authorization = `Bearer ${key}`;
  let body: BodyInit | undefined = request.body;
  if (request.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(request.json);
  }

  const timeoutMs = request.timeoutMs ?? context.timeoutMs;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onCallerAbort = () => controller.abort();
  signal?.addEventListener('abort', onCallerAbort, { once: true });
  const stopped = () =>
    signal?.aborted
      ? new APIUserAbortError()
      : new APITimeoutError(timeoutMs, timeoutMessage(origin, timeoutMs));

  try {
    const init: RequestInit = {
      method: request.method,
      headers,
      signal: controller.signal,
    };
    if (body !== undefined) init.body = body;
    // Called unbound: `this.fetch(...)` throws "Illegal invocation" in browsers.
    const fetchImpl = context.fetch;
    const response = await raceAbort(
      fetchImpl(url, init),
      controller.signal,
      stopped,
    );
    const text = await raceAbort(response.text(), controller.signal, stopped);
    const parsed = parseBodyText(text);
    if (response.ok) return { status: response.status, body: parsed };
    throw errorFromResponse({
      status: response.status,
      body: parsed,
      retryAfterMs: parseRetryAfterMs(response.headers),
      target: underBase ? 'api' : 'storage',
      origin,
      sentKey: key !== undefined,
      secret: context.getApiKey(),
    });
  } catch (error) {
    if (error instanceof ReductoError) throw error;
    if (signal?.aborted) throw new APIUserAbortError();
    if (timedOut)
      throw new APITimeoutError(timeoutMs, timeoutMessage(origin, timeoutMs));
    // fetch rejects with a bare TypeError for offline, DNS and CORS alike.
    throw new APIConnectionError(origin, connectionMessage(origin, underBase), {
      cause: error,
    });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onCallerAbort);
  }
}

/**
 * The emulator's answers, shaped like the real API's (reducto-api.md §6):
 * FastAPI 422 `detail` lists, the `{error:{code,name,message}}` envelope,
 * the edge's `[CODE 1000]` 429 body and nginx's HTML 403.
 */
import type { ValidationIssue } from '../api/types';

export function json(body: unknown, status = 200, headers?: HeadersInit) {
  const response = new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
  if (headers) {
    new Headers(headers).forEach((value, key) =>
      response.headers.set(key, value),
    );
  }
  return response;
}

/** The observed general error envelope. */
export function apiError(status: number, name: string, message: string) {
  return json({ error: { code: status, name, message } }, status);
}

export function validationError(issues: ValidationIssue[]) {
  return json({ detail: issues }, 422);
}

export function missingField(loc: (string | number)[], input: unknown) {
  return { type: 'missing', loc, msg: 'Field required', input };
}

export function unauthorized() {
  return apiError(401, 'AUTH_ERROR', 'Invalid access token');
}

/** What nginx answers when the Authorization header is missing. */
export function forbiddenHtml() {
  const html = [
    '<html>',
    '<head><title>403 Forbidden</title></head>',
    '<body>',
    '<center><h1>403 Forbidden</h1></center>',
    '<hr><center>nginx</center>',
    '</body>',
    '</html>',
    '',
  ].join('\r\n');
  return new Response(html, {
    status: 403,
    headers: { 'Content-Type': 'text/html' },
  });
}

export function rateLimited(retryAfterSeconds: number | null) {
  return json(
    {
      message:
        '[CODE 1000] rate limit exceeded, retry with exponential backoff',
    },
    429,
    retryAfter(retryAfterSeconds),
  );
}

export function overloaded(retryAfterSeconds: number | null) {
  return json(
    {
      error: {
        code: 503,
        name: 'SERVICE_UNAVAILABLE',
        message: 'The service is temporarily overloaded; retry later',
      },
    },
    503,
    retryAfter(retryAfterSeconds),
  );
}

function retryAfter(seconds: number | null): HeadersInit | undefined {
  return seconds === null ? undefined : { 'Retry-After': String(seconds) };
}

export function passwordRequired(message: string) {
  return json({ detail: message }, 442);
}

export function notFound(name: string, message: string) {
  return apiError(404, name, message);
}

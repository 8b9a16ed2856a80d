/**
 * Typed errors of the Reducto client.
 *
 * Every error the client throws is a {@link ReductoError} with a `kind`
 * discriminant, so callers can `switch (err.kind)` without a chain of
 * `instanceof`. Messages are written for the person using the app: they say
 * what went wrong and what to do. They never contain the API key.
 *
 * Class fields only (no constructor parameter properties): the tsconfig has
 * `erasableSyntaxOnly`.
 */
import type { ValidationIssue } from './types';

export type ReductoErrorKind =
  | 'bad-request'
  | 'authentication'
  | 'permission'
  | 'not-found'
  | 'validation'
  | 'rate-limit'
  | 'password-required'
  | 'server'
  | 'http'
  | 'unexpected-response'
  | 'connection'
  | 'timeout'
  | 'aborted'
  | 'file-too-large';

/** The base of every error the client throws. */
export class ReductoError extends Error {
  override name = 'ReductoError';
  readonly kind: ReductoErrorKind;

  constructor(
    kind: ReductoErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.kind = kind;
  }
}

export interface APIErrorInit {
  status: number;
  /** The parsed body: JSON when it parsed, else the text. */
  body: unknown;
  message: string;
  /** From `retry-after-ms` / `Retry-After`, when the header was readable. */
  retryAfterMs?: number | undefined;
}

/** The server (API or file storage) answered with an error status. */
export class APIError extends ReductoError {
  override name = 'APIError';
  readonly status: number;
  readonly body: unknown;
  readonly retryAfterMs: number | undefined;

  constructor(init: APIErrorInit, kind: ReductoErrorKind = 'http') {
    super(kind, init.message);
    this.status = init.status;
    this.body = init.body;
    this.retryAfterMs = init.retryAfterMs;
  }
}

/** 400. */
export class BadRequestError extends APIError {
  override name = 'BadRequestError';
  constructor(init: APIErrorInit) {
    super(init, 'bad-request');
  }
}

/** 401: the key was rejected (or none was entered). */
export class AuthenticationError extends APIError {
  override name = 'AuthenticationError';
  constructor(init: APIErrorInit) {
    super(init, 'authentication');
  }
}

/** 403 (the API answers a request without a key with an nginx HTML 403). */
export class PermissionDeniedError extends APIError {
  override name = 'PermissionDeniedError';
  constructor(init: APIErrorInit) {
    super(init, 'permission');
  }
}

/** 404. */
export class NotFoundError extends APIError {
  override name = 'NotFoundError';
  constructor(init: APIErrorInit) {
    super(init, 'not-found');
  }
}

/** 422 with FastAPI's `detail` list. */
export class ValidationError extends APIError {
  override name = 'ValidationError';
  readonly issues: ValidationIssue[];
  constructor(init: APIErrorInit & { issues: ValidationIssue[] }) {
    super(init, 'validation');
    this.issues = init.issues;
  }
}

/** 429. `retryAfterMs` is set when the server said how long to wait. */
export class RateLimitError extends APIError {
  override name = 'RateLimitError';
  constructor(init: APIErrorInit) {
    super(init, 'rate-limit');
  }
}

/** 442, Reducto's status for a password-protected document. */
export class PasswordRequiredError extends APIError {
  override name = 'PasswordRequiredError';
  constructor(init: APIErrorInit) {
    super(init, 'password-required');
  }
}

/** 5xx. */
export class ServerError extends APIError {
  override name = 'ServerError';
  constructor(init: APIErrorInit) {
    super(init, 'server');
  }
}

/** A 2xx whose body is not what the endpoint promises (e.g. no `job_id`). */
export class UnexpectedResponseError extends APIError {
  override name = 'UnexpectedResponseError';
  constructor(init: APIErrorInit) {
    super(init, 'unexpected-response');
  }
}

/**
 * fetch rejected: offline, DNS, wrong URL, or (in a browser) a response
 * without CORS headers, which the page cannot tell apart from the others.
 */
export class APIConnectionError extends ReductoError {
  override name = 'APIConnectionError';
  /** The origin that could not be reached (never a path, query or key). */
  readonly origin: string;
  constructor(origin: string, message: string, options?: { cause?: unknown }) {
    super('connection', message, options);
    this.origin = origin;
  }
}

/** No answer within the client's timeout. */
export class APITimeoutError extends ReductoError {
  override name = 'APITimeoutError';
  readonly timeoutMs: number;
  constructor(timeoutMs: number, message: string) {
    super('timeout', message);
    this.timeoutMs = timeoutMs;
  }
}

/** The caller aborted (its AbortSignal fired). */
export class APIUserAbortError extends ReductoError {
  override name = 'APIUserAbortError';
  constructor(message = 'The request was cancelled.') {
    super('aborted', message);
  }
}

/** The file exceeds what the API accepts (5 GB); thrown before any request. */
export class FileTooLargeError extends ReductoError {
  override name = 'FileTooLargeError';
  readonly size: number;
  readonly limit: number;
  constructor(size: number, limit: number, message: string) {
    super('file-too-large', message);
    this.size = size;
    this.limit = limit;
  }
}

export function isReductoError(error: unknown): error is ReductoError {
  return error instanceof ReductoError;
}

/** The error's kind, or 'unknown' for anything the client did not throw. */
export function errorKind(error: unknown): ReductoErrorKind | 'unknown' {
  return isReductoError(error) ? error.kind : 'unknown';
}

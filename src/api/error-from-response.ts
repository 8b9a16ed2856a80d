/**
 * Turns an error response into the matching typed error with a message a
 * person can act on.
 */
import {
  APIError,
  AuthenticationError,
  BadRequestError,
  NotFoundError,
  PasswordRequiredError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  ValidationError,
  type APIErrorInit,
} from './errors';
import { messageFromBody, validationIssuesFrom } from './error-body';
import { redactBody, redactText } from './redact';

export interface ErrorResponseContext {
  status: number;
  body: unknown;
  retryAfterMs?: number | undefined;
  /** 'api' = the configured base URL; 'storage' = presigned/result URLs. */
  target: 'api' | 'storage';
  /** Origin of the URL that answered (shown; never a path or query). */
  origin: string;
  /** Whether an Authorization header was sent. */
  sentKey: boolean;
  /** The key, only to scrub it from anything the server echoed. */
  secret?: string | null | undefined;
}

/** `Prefix (401): detail. Advice` — the detail is optional. */
function compose(prefix: string, detail: string | undefined, advice: string) {
  const cleaned = detail?.replace(/[.\s]+$/, '');
  return `${prefix}${cleaned ? `: ${cleaned}` : ''}. ${advice}`.trim();
}

const NO_KEY_MESSAGE =
  'No API key is set. Enter your Reducto API key in Settings.';

export function errorFromResponse(context: ErrorResponseContext): APIError {
  const { status, origin, target } = context;
  const body = redactBody(context.body, context.secret);
  const raw = messageFromBody(body);
  const detail =
    raw === undefined ? undefined : redactText(raw, context.secret);
  const init = (message: string): APIErrorInit => ({
    status,
    body,
    message,
    retryAfterMs: context.retryAfterMs,
  });

  if (target === 'storage') return storageError(status, detail, origin, init);

  if ((status === 401 || status === 403) && !context.sentKey)
    return new AuthenticationError(init(`${NO_KEY_MESSAGE} (${status})`));

  switch (status) {
    case 400:
      return new BadRequestError(
        init(
          compose(
            'The API rejected the request (400)',
            detail,
            'Check the document, the pipeline ID and its settings.',
          ),
        ),
      );
    case 401:
      return new AuthenticationError(
        init(
          compose(
            'The API key was rejected (401)',
            detail,
            `Check the key in Settings, and that it belongs to this region (${origin}).`,
          ),
        ),
      );
    case 403:
      return new PermissionDeniedError(
        init(
          compose(
            'The API refused access (403)',
            detail,
            `Check that the API key is valid for this region (${origin}) and allowed to use this pipeline.`,
          ),
        ),
      );
    case 404:
      return new NotFoundError(
        init(
          compose(
            'Not found (404)',
            detail,
            'The job, file or pipeline ID may be wrong, expired (uploads and jobs are kept about 24 hours), or from another region.',
          ),
        ),
      );
    case 422: {
      const issues = validationIssuesFrom(body);
      return new ValidationError({
        ...init(
          compose(
            'The API rejected the request as invalid (422)',
            detail,
            'Check the pipeline ID and the run settings.',
          ),
        ),
        issues,
      });
    }
    case 429:
      return new RateLimitError(
        init(
          compose(
            'The API is rate-limiting this key (429)',
            detail,
            'Wait a moment and try again, or lower the concurrency in Settings.',
          ),
        ),
      );
    case 442:
      return new PasswordRequiredError(
        init(
          'This document is password-protected (442). Enter its password and run it again.',
        ),
      );
  }
  if (status >= 500)
    return new ServerError(
      init(
        compose(
          `The API had a server error (${status})`,
          detail,
          'Try again in a moment; if it keeps failing, check the Reducto status page.',
        ),
      ),
    );
  return new APIError(
    init(
      compose(
        `The API answered with HTTP ${status}`,
        detail,
        'Check the request and try again.',
      ),
    ),
  );
}

/**
 * Presigned upload URLs and result URLs live on cloud storage (S3), whose
 * errors usually mean "the link expired": say so, never blame the key.
 */
function storageError(
  status: number,
  detail: string | undefined,
  origin: string,
  init: (message: string) => APIErrorInit,
): APIError {
  const prefix = `The file storage at ${origin} answered ${status}`;
  if (status === 403)
    return new PermissionDeniedError(
      init(
        compose(
          prefix,
          detail,
          'The temporary link may have expired; run the document again.',
        ),
      ),
    );
  if (status === 404)
    return new NotFoundError(
      init(
        compose(
          prefix,
          detail,
          'The temporary link may have expired; run the document again.',
        ),
      ),
    );
  if (status === 429)
    return new RateLimitError(
      init(compose(prefix, detail, 'Wait a moment and try again.')),
    );
  if (status >= 500)
    return new ServerError(
      init(compose(prefix, detail, 'Try again in a moment.')),
    );
  if (status === 400)
    return new BadRequestError(
      init(compose(prefix, detail, 'Run the document again.')),
    );
  return new APIError(init(compose(prefix, detail, 'Run the document again.')));
}

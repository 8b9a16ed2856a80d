/**
 * One sentence for any thrown value, for status cells and alerts. Client
 * errors already carry an actionable message; anything else gets a generic
 * one instead of a raw "TypeError: …".
 */
import { isReductoError, type ReductoErrorKind } from './errors';

/** A short label per kind, e.g. for a badge or a table cell. */
export const ERROR_KIND_LABELS: Record<ReductoErrorKind | 'unknown', string> = {
  'bad-request': 'Bad request',
  authentication: 'API key rejected',
  permission: 'Access denied',
  'not-found': 'Not found',
  validation: 'Invalid request',
  'rate-limit': 'Rate limited',
  'password-required': 'Password required',
  server: 'Server error',
  http: 'HTTP error',
  'unexpected-response': 'Unexpected response',
  connection: 'Could not connect',
  timeout: 'Timed out',
  aborted: 'Cancelled',
  'file-too-large': 'File too large',
  unknown: 'Error',
};

export function describeError(error: unknown): string {
  if (isReductoError(error)) return error.message;
  if (error instanceof Error && error.message)
    return `Unexpected error: ${error.message}`;
  return 'Unexpected error.';
}

export function describeErrorKind(error: unknown): string {
  return ERROR_KIND_LABELS[isReductoError(error) ? error.kind : 'unknown'];
}
